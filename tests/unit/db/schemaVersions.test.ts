import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { investigationDb } from '../../../renderer/src/db/databases';
import { InvestigationDb, investigationDbName } from '../../../renderer/src/db/schema';
import { sealingMiddleware } from '../../../renderer/src/db/sealingMiddleware';
import { fileBlob, fileBytes, fileRange, storeFile } from '../../../renderer/src/db/storedFiles';
import { newLockKeys, seal, type LockKeys } from '../../../shared/lock/sealing';
import {
  CURRENT_SCHEMA_VERSION,
  investigationSchemaVersions,
} from '../../../renderer/src/db/versions';
import { openArchive } from '../../../renderer/src/workers/archive/readArchive';
import { restoreArchive } from '../../../renderer/src/workers/archive/restoreArchive';
import {
  addClaim,
  changeClaimStatus,
  updateClaim,
} from '../../../renderer/src/case/claims/claimMutations';
import { createInvestigation } from '../../../renderer/src/features/investigations/investigationMutations';
import { decideMatch } from '../../../renderer/src/case/sanctions/sanctionsMatches';
import { recordScreening } from '../../../renderer/src/case/sanctions/caseScreenings';
import { fixture } from '../../fixtureSets';
import { rowCells, unpackCells } from '../../../shared/customs/packedCells';
import { emptyShipmentFilter } from '../../../shared/customs/shipmentFilter';
import { emptyClaimFilter } from '../../../shared/claimFilter';
import type { ClaimsView, EntitiesView, ShipmentsView } from '../../../shared/tabViews';
import { buildBlock, DatasetDictionaries } from '../../../shared/customs/blocks';
import { loadIndex } from '../../../renderer/src/workers/shipments/loadIndex';
import type { Dataset, ShipmentBlock } from '../../../shared/customs/dataset';
import { textsOf } from '../../../shared/customs/packedIdentifiers';
import { ShipmentIndex } from '../../../shared/customs/shipmentIndex';
import { shipment } from '../shipmentRows';
import { rawCells } from '../../../renderer/src/db/rawCells';
import { importFixture } from './customsFixture';

/** A database as the app of an earlier version created it: every version up to `version`. */
function openAtVersion(id: string, version: number): Dexie {
  const old = new Dexie(investigationDbName(id, false));
  for (const declared of investigationSchemaVersions.filter((entry) => entry.version <= version))
    old.version(declared.version).stores(declared.stores);
  return old;
}

/** A sealed case's database as the app of an earlier version created it, under `keys`. */
function openSealedAtVersion(id: string, version: number, keys: LockKeys): Dexie {
  const old = new Dexie(investigationDbName(id));
  for (const declared of investigationSchemaVersions.filter((entry) => entry.version <= version))
    old.version(declared.version).stores(declared.stores);
  old.use(sealingMiddleware(keys));
  return old;
}

const current = (id: string) => new InvestigationDb({ investigationId: id });

describe('schema upgrades', () => {
  it('declares one version per file, in order, the last being the current one', () => {
    expect(investigationSchemaVersions.map((entry) => entry.version)).toEqual(
      investigationSchemaVersions.map((_, index) => index + 1),
    );
    expect(current('schema-versions').verno).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('opens a version-1 database and keeps its claims', async () => {
    const v1 = openAtVersion('schema-upgrade-v1', 1);
    await v1.table('claims').add({
      id: 'c1',
      text: 'Old claim',
      statusId: 's',
      tags: [],
      sectionId: null,
      order: 1,
      createdAt: 0,
      updatedAt: 0,
    });
    v1.close();
    const upgraded = current('schema-upgrade-v1');
    expect((await upgraded.claims.get('c1'))?.text).toBe('Old claim');
    expect(await upgraded.datasets.count()).toBe(0);
    expect(await upgraded.documents.count()).toBe(0);
    upgraded.close();
  });

  it('opens a version-2 database and keeps its saved filters', async () => {
    const v2 = openAtVersion('schema-upgrade-v2', 2);
    await v2.table('savedFilters').add({ id: 'f1', name: 'Poly', filter: {}, createdAt: 0 });
    v2.close();
    const upgraded = current('schema-upgrade-v2');
    expect((await upgraded.savedFilters.get('f1'))?.name).toBe('Poly');
    expect(await upgraded.excerpts.count()).toBe(0);
    upgraded.close();
  });

  it('opens a version-5 database and keeps its links', async () => {
    const v5 = openAtVersion('schema-upgrade-v5', 5);
    await v5.table('links').add({ id: 'l1', claimId: 'c1', targetType: 'note', targetId: 'n1' });
    v5.close();
    const upgraded = current('schema-upgrade-v5');
    expect((await upgraded.links.get('l1'))?.targetId).toBe('n1');
    expect(await upgraded.entities.where('aliasKeys').equals('U UAP').count()).toBe(0);
    upgraded.close();
  });

  it('version 7: each claim gets the reason of its latest status change from the audit log', async () => {
    const v6 = openAtVersion('schema-upgrade-v6', 6);
    const claim = (id: string) => ({
      id,
      text: `Claim ${id}`,
      statusId: 'status-1',
      tags: [],
      sectionId: null,
      order: 1,
      createdAt: 0,
      updatedAt: 0,
    });
    await v6.table('claims').bulkAdd([claim('changed'), claim('never'), claim('blank')]);
    const change = (recordId: string, at: number, reason?: string) => ({
      at,
      table: 'claims',
      recordId,
      action: 'update',
      before: { statusId: 'status-1' },
      after: { statusId: 'status-2' },
      reason,
    });
    await v6
      .table('audit')
      .bulkAdd([
        change('changed', 1, 'First look.'),
        { ...change('changed', 2), after: { text: 'Edited' }, before: { text: 'Claim' } },
        change('changed', 3, 'Second vendor agrees.'),
        change('blank', 4),
      ]);
    v6.close();
    const upgraded = current('schema-upgrade-v6');
    const reasons = Object.fromEntries(
      (await upgraded.claims.toArray()).map((entry) => [entry.id, entry.statusReason]),
    );
    expect(reasons).toEqual({ changed: 'Second vendor agrees.', never: '', blank: '' });
    upgraded.close();
  });

  it('version 8: each note gets an empty list of declared forms of its source’s name', async () => {
    const v7 = openAtVersion('schema-upgrade-v7', 7);
    await v7.table('notes').add({
      id: 'old',
      kind: 'interview',
      title: 'Insider',
      body: '',
      sourceName: 'Irina Zaslonova',
      sourceRole: '',
      date: '',
      confidentiality: 'confidential',
      attribution: '',
      request: null,
      createdAt: 0,
      updatedAt: 0,
    });
    v7.close();
    const upgraded = current('schema-upgrade-v7');
    // Since version 11 the forms are the source's, which the note points to.
    expect(await upgraded.notes.get('old')).toMatchObject({ sourceId: 'old' });
    expect(await upgraded.sources.get('old')).toMatchObject({
      name: 'Irina Zaslonova',
      aliases: [],
    });
    upgraded.close();
  });

  it('version 9: a sealed note keeps no kind, confidentiality or date in the clear', async () => {
    const keys = newLockKeys();
    const id = 'schema-upgrade-v8';
    // A sealed database as version 8 wrote it: the note's indexed fields stored beside the seal.
    const v8 = openSealedAtVersion(id, 8, keys);
    const note = {
      id: 'n1',
      kind: 'interview',
      title: 'Insider',
      body: '',
      sourceName: 'Irina Zaslonova',
      aliases: [],
      sourceRole: '',
      date: '2026-03-01',
      confidentiality: 'confidential',
      attribution: '',
      request: null,
      createdAt: 1,
      updatedAt: 2,
    };
    await v8.table('notes').add(note);
    v8.close();
    const stored = async () => {
      const raw = new Dexie(investigationDbName(id));
      await raw.open();
      const row = (await raw.table('notes').get('n1')) as Record<string, unknown>;
      raw.close();
      return Object.keys(row).sort();
    };
    expect(await stored()).toEqual(['$sealed', 'confidentiality', 'id', 'kind', 'updatedAt']);
    const upgraded = new InvestigationDb({ investigationId: id, keys });
    const {
      sourceName: _name,
      aliases: _aliases,
      sourceRole: _role,
      confidentiality: _confidentiality,
      attribution: _attribution,
      ...rest
    } = note;
    // Its source a record of its own since version 11.
    expect(await upgraded.notes.get('n1')).toEqual({ ...rest, sourceId: 'n1' });
    upgraded.close();
    expect(await stored()).toEqual(['$sealed', 'id']);
  });

  it('version 10: Corroborated gets its two independent origins; other statuses no rule', async () => {
    const keys = newLockKeys();
    const id = 'schema-upgrade-v9';
    const v9 = openSealedAtVersion(id, 9, keys);
    const status = { color: '#15803d', description: '', publishable: true };
    await v9.table('statuses').bulkAdd([
      { ...status, id: 's1', name: 'corroborated', order: 0 },
      { ...status, id: 's2', name: 'Verified', order: 1 },
      { ...status, id: 's3', name: 'Corroborated (two vendors)', order: 2 },
    ]);
    v9.close();
    const upgraded = new InvestigationDb({ investigationId: id, keys });
    const rules = (await upgraded.statuses.toArray()).map((row) => [row.name, row.rule]);
    expect(rules).toEqual([
      ['corroborated', { minSupporting: 0, minOrigins: 2 }],
      ['Verified', undefined],
      ['Corroborated (two vendors)', undefined],
    ]);
    upgraded.close();
  });

  it('version 11: one sealed source per person the notes named, the notes pointing to it', async () => {
    const keys = newLockKeys();
    const id = 'schema-upgrade-v10';
    const v10 = openSealedAtVersion(id, 10, keys);
    const note = {
      kind: 'interview',
      title: 'Call',
      body: '',
      sourceRole: '',
      date: '',
      attribution: '',
      request: null,
      aliases: [],
    };
    await v10.table('notes').bulkAdd([
      {
        ...note,
        id: 'n1',
        sourceName: 'Irina Zaslonova',
        sourceRole: 'port official',
        aliases: ['Zaslonova'],
        confidentiality: 'confidential',
        createdAt: 1,
        updatedAt: 1,
      },
      // The same person typed otherwise, with another form and another affiliation.
      {
        ...note,
        id: 'n2',
        sourceName: 'irina\u00a0ZASLONOVA',
        sourceRole: 'customs broker',
        aliases: ['I. Z.', 'zaslonova'],
        confidentiality: 'confidential',
        createdAt: 2,
        updatedAt: 5,
      },
      // Named by nobody, on record: the researcher's own note.
      {
        ...note,
        id: 'n3',
        sourceName: '',
        confidentiality: 'on-record',
        createdAt: 3,
        updatedAt: 3,
      },
      // Named by nobody but background: a nameless source keeps how it may be quoted.
      {
        ...note,
        id: 'n4',
        sourceName: '',
        confidentiality: 'background',
        attribution: 'a broker',
        createdAt: 4,
        updatedAt: 4,
      },
    ]);
    v10.close();
    const upgraded = new InvestigationDb({ investigationId: id, keys });
    const notes = await upgraded.notes.orderBy('id').toArray();
    expect(notes.map((row) => [row.id, row.sourceId])).toEqual([
      ['n1', 'n1'],
      ['n2', 'n1'],
      ['n3', null],
      ['n4', 'n4'],
    ]);
    for (const row of notes) expect(row).not.toHaveProperty('sourceName');
    expect(await upgraded.sources.orderBy('id').toArray()).toEqual([
      {
        id: 'n1',
        name: 'Irina Zaslonova',
        affiliation: 'port official',
        confidentiality: 'confidential',
        attribution: '',
        aliases: ['Zaslonova', 'I. Z.', 'customs broker'],
        createdAt: 1,
        updatedAt: 5,
      },
      {
        id: 'n4',
        name: '',
        affiliation: '',
        confidentiality: 'background',
        attribution: 'a broker',
        aliases: [],
        createdAt: 4,
        updatedAt: 4,
      },
    ]);
    upgraded.close();
    // A source is sealed whole: only its id is readable without the keys.
    const raw = new Dexie(investigationDbName(id));
    await raw.open();
    const row = (await raw.table('sources').get('n1')) as Record<string, unknown>;
    raw.close();
    expect(Object.keys(row).sort()).toEqual(['$sealed', 'id']);
  });

  it('version 12: remembered mappings leave the case with their table; its datasets stay', async () => {
    const v11 = openAtVersion('schema-upgrade-v12', 11);
    await v11.table('mappings').add({ signature: 'date\u001fshipper', mapping: {}, updatedAt: 1 });
    await v11.table('savedFilters').add({ id: 'f1', name: 'Poly', filter: {}, createdAt: 0 });
    v11.close();
    const upgraded = current('schema-upgrade-v12');
    await upgraded.open();
    expect(upgraded.tables.map((table) => table.name)).not.toContain('mappings');
    expect((await upgraded.savedFilters.get('f1'))?.name).toBe('Poly');
    upgraded.close();
  });
});

describe('version 14: sanctions screening decisions', () => {
  it('adds their table to a version-13 database; a decision is sealed whole and audited', async () => {
    const id = 'schema-upgrade-v14';
    const keys = newLockKeys();
    // A sealed database as version 13 left it, with a claim in it.
    const v13 = openSealedAtVersion(id, 13, keys);
    await v13.table('claims').add({
      id: 'c1',
      text: 'Kept.',
      statusId: 's',
      tags: [],
      sectionId: null,
      order: 1,
      createdAt: 1,
      updatedAt: 1,
    });
    v13.close();
    const upgraded = new InvestigationDb({ investigationId: id, keys });
    await upgraded.open();
    expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(upgraded.tables.map((table) => table.name)).toContain('sanctionsMatches');
    expect((await upgraded.claims.get('c1'))?.text).toBe('Kept.');
    await decideMatch(
      upgraded,
      'alias:POLY TECHNOLOGIES',
      listedTarget,
      listedSnapshot,
      'dismissed',
    );
    const [match] = await upgraded.sanctionsMatches.toArray();
    expect(match).toMatchObject({
      entityId: 'alias:POLY TECHNOLOGIES',
      decision: 'dismissed',
      target: { caption: 'Poly Technology Solutions Ltd' },
      snapshot: { date: '2024-01-15', sha256: 'b'.repeat(64) },
    });
    const [entry] = await upgraded.audit.where('table').equals('sanctionsMatches').toArray();
    expect(entry.after).toMatchObject({
      decision: 'dismissed',
      target: 'Poly Technology Solutions Ltd (pts)',
    });
    upgraded.close();
    const raw = new Dexie(investigationDbName(id));
    await raw.open();
    const row = (await raw.table('sanctionsMatches').get(match.id)) as Record<string, unknown>;
    raw.close();
    expect(Object.keys(row).sort()).toEqual(['$sealed', 'id']);
  });
});

describe('version 15: the case’s screenings', () => {
  it('adds their table to a version-14 database; a screening is kept once, sealed whole and audited', async () => {
    const id = 'schema-upgrade-v15';
    const keys = newLockKeys();
    const v14 = openSealedAtVersion(id, 14, keys);
    await v14.table('sanctionsMatches').add({ id: 'm1', entityId: 'e', decision: 'dismissed' });
    v14.close();
    const upgraded = new InvestigationDb({ investigationId: id, keys });
    await upgraded.open();
    expect(upgraded.tables.map((table) => table.name)).toContain('sanctionsScreenings');
    expect(await upgraded.sanctionsMatches.count()).toBe(1);

    const snapshot = { sha256: 'b'.repeat(64), date: '2024-01-15', fileName: 'x.json', source: '' };
    const found = [{ id: 'alias:POLY TECHNOLOGIES', name: 'Poly', candidates: [listedTarget] }];
    const first = await recordScreening(upgraded, { snapshot, screened: 12, found });
    expect(first).toMatchObject({ id: snapshot.sha256, screened: 12, found });
    // The same findings again (the tab opened again): nothing written, nothing audited.
    const again = await recordScreening(upgraded, { snapshot, screened: 12, found });
    expect(again.screenedAt).toBe(first.screenedAt);
    // Something new (an import landed): the record replaced, the change audited.
    await recordScreening(upgraded, { snapshot, screened: 13, found });
    expect(await upgraded.sanctionsScreenings.count()).toBe(1);
    const entries = await upgraded.audit.where('table').equals('sanctionsScreenings').toArray();
    expect(entries.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      [
        'create',
        null,
        {
          snapshot: `x.json of 2024-01-15, SHA-256 ${snapshot.sha256}`,
          screened: 12,
          withCandidates: 1,
          byIdentifierOrName: 0,
        },
      ],
      [
        'update',
        expect.objectContaining({ screened: 12 }),
        expect.objectContaining({ screened: 13 }),
      ],
    ]);
    upgraded.close();
    // At rest the screening, names and all, is sealed: only its id (the snapshot's hash) is clear.
    const raw = new Dexie(investigationDbName(id));
    await raw.open();
    const row = (await raw.table('sanctionsScreenings').get(snapshot.sha256)) as Record<
      string,
      unknown
    >;
    raw.close();
    expect(Object.keys(row).sort()).toEqual(['$sealed', 'id']);
  });
});

describe('version 16: packed cells', () => {
  it('packs a sealed version-15 database’s cells, each row as the file wrote it', async () => {
    const id = 'schema-upgrade-v16';
    const keys = newLockKeys();
    const v15 = openSealedAtVersion(id, 15, keys);
    const rows = [['10100037/090321/0000001', 'ООО «Улан-Удэ»', '厦门'], [], ['', '"x,y"', '🚢']];
    await v15.table('shipmentCells').add({ datasetId: 'd1', blockNo: 0, cells: rows });
    v15.close();
    const upgraded = new InvestigationDb({ investigationId: id, keys });
    const stored = await upgraded.shipmentCells.get(['d1', 0]);
    expect(stored && Object.keys(stored).sort()).toEqual(['blockNo', 'datasetId', 'packed']);
    expect(unpackCells(stored!.packed)).toEqual(rows);
    expect(rowCells(stored!.packed, 1)).toEqual([]);
    expect(rowCells(stored!.packed, 3)).toEqual([]);
    upgraded.close();
    const raw = new Dexie(investigationDbName(id));
    await raw.open();
    const row = (await raw.table('shipmentCells').get(['d1', 0])) as Record<string, unknown>;
    raw.close();
    expect(Object.keys(row).sort()).toEqual(['$sealed', 'blockNo', 'datasetId']);
  });
});

describe('version 17: an excerpt’s quote as it reads', () => {
  it('gives a sealed version-16 database’s excerpts their reading, from the document’s text', async () => {
    const id = 'schema-upgrade-v17';
    const keys = newLockKeys();
    const v16 = openSealedAtVersion(id, 16, keys);
    const page = 'The designa-\ntion of the state-\nowned plant';
    await v16.table('pageTexts').bulkAdd([
      { documentId: 'd1', page: 1, text: page },
      { documentId: 'd1', page: 2, text: 'A designation; a state-owned firm.' },
      { documentId: 'd2', page: 1, text: 'The designa-\ntion' },
    ]);
    const excerpt = (excerptId: string, documentId: string, exact: string) => ({
      id: excerptId,
      documentId,
      fileSha256: 'd'.repeat(64),
      page: 1,
      quote: { exact, prefix: '', suffix: '' },
      position: { start: 0, end: exact.length },
      rects: [],
      comment: '',
      tags: [],
      createdAt: 1,
    });
    await v16
      .table('excerpts')
      .bulkAdd([excerpt('e1', 'd1', page), excerpt('e2', 'd2', 'The designa-\ntion')]);
    v16.close();
    const upgraded = new InvestigationDb({ investigationId: id, keys });
    // Each by its own document's evidence: d1 writes “designation” joined elsewhere, d2 does not.
    expect((await upgraded.excerpts.get('e1'))?.reading).toBe(
      'The designation of the state-owned plant',
    );
    expect((await upgraded.excerpts.get('e2'))?.reading).toBe('The designa-tion');
    // And a table of what each tab shows, its records sealed whole but for the tab's name.
    const shipmentsView: ShipmentsView = {
      id: 'shipments',
      filter: { ...emptyShipmentFilter, party: 'Ulan-Ude' },
      sort: { column: 'date', direction: 'asc' },
      columns: ['date'],
      openRow: null,
    };
    await upgraded.views.put(shipmentsView);
    upgraded.close();
    const raw = new Dexie(investigationDbName(id));
    await raw.open();
    const row = (await raw.table('excerpts').get('e1')) as Record<string, unknown>;
    const view = (await raw.table('views').get('shipments')) as Record<string, unknown>;
    raw.close();
    expect(JSON.stringify(row)).not.toContain('designation');
    expect(Object.keys(view).sort()).toEqual(['$sealed', 'id']);
  });

  it('opens a sealed version-17 database as it was; OCR words are then kept sealed whole', async () => {
    const id = 'schema-upgrade-v18';
    const keys = newLockKeys();
    const v17 = openSealedAtVersion(id, 17, keys);
    await v17.table('pageTexts').add({ documentId: 'd1', page: 1, text: 'Typed text' });
    v17.close();
    const upgraded = new InvestigationDb({ investigationId: id, keys });
    expect(await upgraded.pageTexts.get(['d1', 1])).toEqual({
      documentId: 'd1',
      page: 1,
      text: 'Typed text',
    });
    const box = { x1: 56, y1: 700, x2: 140, y2: 714 };
    await upgraded.pageTexts.put({
      documentId: 'd1',
      page: 2,
      text: 'KRASNOGORSK',
      ocr: { words: [{ text: 'KRASNOGORSK', box, confidence: 90, lineEnd: true }], confidence: 90 },
    });
    expect((await upgraded.pageTexts.get(['d1', 2]))?.ocr?.confidence).toBe(90);
    upgraded.close();
    const raw = new Dexie(investigationDbName(id));
    await raw.open();
    const row = (await raw.table('pageTexts').get(['d1', 2])) as Record<string, unknown>;
    raw.close();
    expect(JSON.stringify(row)).not.toContain('KRASNOGORSK');
  });

  it('opens a sealed version-18 view as the rows; the pivot it shows is then kept sealed', async () => {
    const id = 'schema-upgrade-v19';
    const keys = newLockKeys();
    const v18 = openSealedAtVersion(id, 18, keys);
    const earlier = {
      id: 'shipments',
      filter: { ...emptyShipmentFilter, party: 'Ulan-Ude' },
      sort: { column: 'date', direction: 'asc' },
      columns: ['date'],
      openRow: null,
    };
    await v18.table('views').put(earlier);
    v18.close();
    const upgraded = new InvestigationDb({ investigationId: id, keys });
    const view = (await upgraded.views.get('shipments')) as ShipmentsView | undefined;
    expect(view).toEqual(earlier);
    expect(view?.display).toBeUndefined();
    const pivot: ShipmentsView = { ...view!, display: 'pivot', pivotBy: 'counterparty' };
    await upgraded.views.put(pivot);
    expect(await upgraded.views.get('shipments')).toMatchObject({ pivotBy: 'counterparty' });
    // The other tabs' views, new in this version, are sealed as whole records too.
    const claims: ClaimsView = {
      id: 'claims',
      filter: { ...emptyClaimFilter, text: 'Ulan-Ude helicopters' },
      openClaim: 'c1',
    };
    const entities: EntitiesView = { id: 'entities', search: 'krasnogorsk', openEntity: '' };
    await upgraded.views.bulkPut([claims, entities]);
    upgraded.close();
    const raw = new Dexie(investigationDbName(id));
    await raw.open();
    const rows = (await raw.table('views').toArray()) as Record<string, unknown>[];
    raw.close();
    expect(rows.map((row) => row.id).sort()).toEqual(['claims', 'entities', 'shipments']);
    expect(JSON.stringify(rows)).not.toMatch(/counterparty|Ulan|krasnogorsk/);
  });
});

const listedTarget = {
  targetId: 'pts',
  tier: 3 as const,
  score: 0.8,
  reason: 'alike',
  automatic: false,
  target: {
    id: 'pts',
    schema: 'Company',
    caption: 'Poly Technology Solutions Ltd',
    names: ['Poly Technology Solutions Ltd'],
    aliases: [],
    weakAliases: [],
    previousNames: [],
    identifiers: [],
    countries: ['gb'],
    lists: ['list_c'],
    designations: [],
  },
};

const listedSnapshot = {
  id: 's',
  status: 'ready' as const,
  fileName: 'x.json',
  source: '',
  sha256: 'b'.repeat(64),
  bytes: 1,
  date: '2024-01-15',
  dateFrom: 'last_seen' as const,
  importedAt: 1,
  targets: 1,
  designations: 0,
  blocks: 1,
  lines: 1,
  problems: [],
  problemCount: 0,
  unmatchedSanctions: 0,
};

describe('version 20: a file’s bytes in parts', () => {
  it('moves a sealed version-19 file’s Blob into parts of 64 MB; its bytes read as before', async () => {
    const id = 'schema-upgrade-v20';
    const keys = newLockKeys();
    const bytes = new Uint8Array(68 * 1024 * 1024 + 5).map((_, index) => index % 253);
    const meta = { sha256: 'a'.repeat(64), name: 'large.csv', mime: 'text/csv' };
    // What version 19 stored: sealed segments of 4 MB, each bound to its place, in one Blob.
    const segment = 4 * 1024 * 1024;
    const count = Math.ceil(bytes.length / segment);
    const sealed = Array.from({ length: count }, (_, index) =>
      seal(
        keys.sealKey,
        bytes.subarray(index * segment, (index + 1) * segment),
        `files\n${meta.sha256}\n${index}\n${index === count - 1 ? 'last' : 'more'}`,
      ),
    );
    const v19 = openSealedAtVersion(id, 19, keys);
    await v19
      .table('files')
      .add({ ...meta, size: bytes.length, blob: new Blob(sealed as BlobPart[]) });
    v19.close();
    const upgraded = new InvestigationDb({ investigationId: id, keys });
    const file = (await upgraded.files.get(meta.sha256))!;
    expect(Object.keys(file).sort()).toEqual(['mime', 'name', 'sha256', 'size']);
    const moved = await upgraded.fileParts.toArray();
    const partBytes = 16 * (segment + 40);
    expect(moved.map((part) => [part.part, part.blob.size])).toEqual([
      [0, partBytes],
      [1, bytes.length + count * 40 - partBytes],
    ]);
    expect(Buffer.compare(await fileBytes(upgraded, file), bytes)).toBe(0);
    // A range across segments and parts opens only those, in the segments it was stored in.
    const [from, to] = [64 * 1024 * 1024 - 10, 64 * 1024 * 1024 + 3 * segment];
    expect(
      Buffer.compare(await fileRange(upgraded, file, from, to), bytes.subarray(from, to)),
    ).toBe(0);
    // Stored again now, in segments of 1 MB, it reads the same.
    const again = await storeFile(upgraded, { ...meta, sha256: 'c'.repeat(64) }, bytes);
    expect(again.segmentSize).toBe(1024 * 1024);
    expect(
      Buffer.compare(await fileRange(upgraded, again, from, to), bytes.subarray(from, to)),
    ).toBe(0);
    upgraded.close();
  });

  it('moves a clear version-19 file (a case from before sealing) the same way', async () => {
    const id = 'schema-upgrade-v20-clear';
    const old = openAtVersion(id, 19);
    const bytes = new TextEncoder().encode('%PDF-1.7 kept in the clear\n');
    const meta = { sha256: 'b'.repeat(64), name: 'clear.pdf', mime: 'application/pdf' };
    await old.table('files').add({ ...meta, size: bytes.length, blob: new Blob([bytes]) });
    old.close();
    const upgraded = current(id);
    const file = (await upgraded.files.get(meta.sha256))!;
    expect(Object.keys(file).sort()).toEqual(['mime', 'name', 'sha256', 'size']);
    expect(await fileBytes(upgraded, file)).toEqual(bytes);
    expect(await (await fileBlob(upgraded, file)).text()).toBe('%PDF-1.7 kept in the clear\n');
    upgraded.close();
  });
  it('opens a sealed version-20 database’s blocks as they were; blocks stored now are packed', async () => {
    const id = 'schema-upgrade-v21';
    const keys = newLockKeys();
    const shipments = ['10702010/010124/0000001', 'ДТ-7'].map((declarationId, row) => ({
      ...shipment(row + 2),
      declarationId,
      billOfLading: row === 0 ? '' : 'COSU 6123',
    }));
    const { block } = buildBlock('d1', 0, shipments);
    // As version 20 stored a block: its numbers a string a row.
    const asStrings = {
      ...block,
      declarationId: textsOf(block.declarationId),
      billOfLading: textsOf(block.billOfLading!),
    };
    const v20 = openSealedAtVersion(id, 20, keys);
    await v20.table('shipmentBlocks').add(asStrings);
    v20.close();
    const upgraded = new InvestigationDb({ investigationId: id, keys });
    expect(await upgraded.shipmentBlocks.get(['d1', 0])).toEqual(asStrings);
    await upgraded.shipmentBlocks.put({ ...block, blockNo: 1 });
    const stored = (await upgraded.shipmentBlocks.get(['d1', 1]))!;
    expect(stored.declarationId).toEqual(block.declarationId);
    // Either form loads into the engine as the same rows.
    const dataset = { id: 'd1', fileName: 'd1.csv', importedAt: 0 } as Dataset;
    const rows = (stored: ShipmentBlock) => {
      const index = new ShipmentIndex([dataset], [stored], stored.count);
      return [0, 1].map((row) => index.row(row));
    };
    expect(rows(asStrings)).toEqual(rows({ ...stored, blockNo: 0 }));
    expect(rows(asStrings).map((row) => [row.declarationId, row.billOfLading])).toEqual([
      ['10702010/010124/0000001', ''],
      ['ДТ-7', 'COSU 6123'],
    ]);
    upgraded.close();
  });

  it('loads a sealed version-21 dataset, each block with dictionaries of its own, beside one stored now', async () => {
    const id = 'schema-upgrade-v22';
    const keys = newLockKeys();
    const parts = [
      [shipment(2, { shipper: 'ООО «Альфа»' }), shipment(3, { shipper: 'Beta' })],
      [shipment(4, { shipper: 'Beta' }), shipment(5, { shipper: 'Gamma' })],
    ];
    // As version 21 stored a dataset's blocks: each with its own dictionaries.
    const own = parts.map((rows, blockNo) => buildBlock('d1', blockNo, rows).block);
    const v21 = openSealedAtVersion(id, 21, keys);
    await v21.table('shipmentBlocks').bulkAdd(own);
    v21.close();
    const upgraded = new InvestigationDb({ investigationId: id, keys });
    expect(await upgraded.shipmentBlocks.where('datasetId').equals('d1').toArray()).toEqual(own);
    const dictionaries = new DatasetDictionaries();
    await upgraded.shipmentBlocks.bulkAdd(
      parts.map((rows, blockNo) => buildBlock('d2', blockNo, rows, dictionaries).block),
    );
    const stored = (await upgraded.shipmentBlocks.get(['d2', 1]))!;
    expect([stored.dictStart?.shipper, stored.dict.shipper]).toEqual([2, ['Gamma']]);
    await upgraded.datasets.bulkAdd(
      ['d1', 'd2'].map((datasetId, at) => ({
        id: datasetId,
        fileName: `${datasetId}.csv`,
        importedAt: at,
        status: 'complete',
        counts: { accepted: 4 },
      })) as never,
    );
    const index = await loadIndex(upgraded);
    const rows = (from: number) =>
      [0, 1, 2, 3].map((row) => {
        const { shipper, consignee, description, currency, declarationId, value } = index.row(
          from + row,
        );
        return { shipper, consignee, description, currency, declarationId, value };
      });
    expect(rows(0)).toEqual(rows(4));
    expect(rows(4).map((row) => row.shipper)).toEqual(['ООО «Альфа»', 'Beta', 'Beta', 'Gamma']);
    upgraded.close();
  });

  it('reads the raw cells a sealed version-22 dataset stored beside its blocks, and a new one’s from its file', async () => {
    const id = 'schema-upgrade-v23';
    const keys = newLockKeys();
    const rows = [shipment(2, { shipper: 'ООО «Альфа»' }), shipment(3, { shipper: 'Beta' })];
    const { block, cells } = buildBlock('d1', 0, rows);
    const v22 = openSealedAtVersion(id, 22, keys);
    await v22.table('datasets').add({
      id: 'd1',
      fileName: 'd1.csv',
      fileSha256: 'a'.repeat(64),
      origin: 'RU customs',
      status: 'complete',
    });
    await v22.table('shipmentBlocks').add(block);
    await v22.table('shipmentCells').add(cells);
    v22.close();
    const upgraded = new InvestigationDb({ investigationId: id, keys });
    const cellsOf = (datasetId: string, blockRow: number, rowNumber: number) =>
      rawCells(upgraded, [{ datasetId, blockNo: 0, blockRow, rowNumber }]);
    expect(await cellsOf('d1', 1, 3)).toEqual([rows[1].cells]);
    expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION);
    const imported = await importFixture(upgraded, fixture('customs', 'vendor-b-2022.tsv'));
    expect(await upgraded.shipmentCells.where('datasetId').equals(imported.id).count()).toBe(0);
    const [second] = await cellsOf(imported.id, 1, 3);
    expect(second.length).toBe(imported.headers.length);
    expect(second.join('\t')).toBe(
      readFileSync(fixture('customs', 'vendor-b-2022.tsv'), 'utf8').split(/\r?\n/)[2],
    );
    upgraded.close();
  });
});

describe('version 24: files sealed with AES-256-GCM', () => {
  it('opens a file version 23 sealed with XChaCha20-Poly1305; a file stored now is AES-256-GCM’s', async () => {
    const id = 'schema-upgrade-v24';
    const keys = newLockKeys();
    const segment = 1024 * 1024;
    const bytes = new Uint8Array(2 * segment + 3).map((_, index) => index % 247);
    const meta = { sha256: 'd'.repeat(64), name: 'v23.csv', mime: 'text/csv' };
    // What version 23 stored: segments of 1 MB, each sealed by libsodium and bound to its place.
    const sealed = [0, 1, 2].map((index) =>
      seal(
        keys.sealKey,
        bytes.subarray(index * segment, (index + 1) * segment),
        `files\n${meta.sha256}\n${index}\n${index === 2 ? 'last' : 'more'}`,
      ),
    );
    const v23 = openSealedAtVersion(id, 23, keys);
    await v23.table('files').add({ ...meta, size: bytes.length, segmentSize: segment });
    await v23
      .table('fileParts')
      .add({ sha256: meta.sha256, part: 0, blob: new Blob(sealed as BlobPart[]) });
    v23.close();
    const upgraded = new InvestigationDb({ investigationId: id, keys });
    const old = (await upgraded.files.get(meta.sha256))!;
    expect(old.cipher).toBeUndefined();
    expect(Buffer.compare(await fileBytes(upgraded, old), bytes)).toBe(0);
    const [from, to] = [segment - 2, 2 * segment + 1];
    expect(Buffer.compare(await fileRange(upgraded, old, from, to), bytes.subarray(from, to))).toBe(
      0,
    );
    // Stored again now: 28 bytes of nonce and tag a segment, not 40, and it reads the same.
    const again = await storeFile(upgraded, { ...meta, sha256: 'e'.repeat(64) }, bytes);
    expect(again.cipher).toBe('AES-256-GCM');
    const part = await upgraded.fileParts.get([again.sha256, 0]);
    expect(part?.blob.size).toBe(bytes.length + 3 * 28);
    expect(
      Buffer.compare(await fileRange(upgraded, again, from, to), bytes.subarray(from, to)),
    ).toBe(0);
    // Read as the other cipher's, neither opens.
    await expect(fileBytes(upgraded, { ...again, cipher: undefined })).rejects.toThrow();
    await expect(fileBytes(upgraded, { ...old, cipher: 'AES-256-GCM' })).rejects.toThrow();
    upgraded.close();
  });
});

describe('the claim’s status reason', () => {
  it('is stored with the status and kept when other fields change', async () => {
    const db = investigationDb(await createInvestigation('Reasons'));
    const statuses = await db.statuses.toArray();
    const claim = await addClaim(db, { text: 'A claim.' });
    expect((await db.claims.get(claim.id))?.statusReason).toBe('');
    await changeClaimStatus(db, claim.id, statuses[1].id, 'Seen in the notice.');
    await updateClaim(db, claim.id, { text: 'A claim, edited.' });
    expect((await db.claims.get(claim.id))?.statusReason).toBe('Seen in the notice.');
    await changeClaimStatus(db, claim.id, statuses[2].id, '');
    expect((await db.claims.get(claim.id))?.statusReason).toBe('');
  });

  it.each([
    ['plain', null],
    ['encrypted', 'archive passphrase 6'],
  ])(
    'is backfilled (and so are notes’ declared forms) when a %s archive of schema 6 is restored',
    async (kind, passphrase) => {
      const file = new Blob([readFileSync(fixture('archives', `schema-6-${kind}.waybill`))]);
      const archive = await openArchive(file, passphrase);
      expect(archive.manifest.schemaVersion).toBe(6);
      const restored = await restoreArchive(archive);
      const claims = await investigationDb(restored).claims.toArray();
      expect(Object.fromEntries(claims.map((claim) => [claim.text, claim.statusReason]))).toEqual({
        'The plant received rotor blades in 2022.': 'Confirmed by the second vendor.',
        'The exporter declined to comment.': '',
      });
      // And, from version 8, each note's source its declared forms (none), and from version 11,
      // a record of its own the note points to.
      const notes = await investigationDb(restored).notes.toArray();
      const sources = await investigationDb(restored).sources.toArray();
      expect(notes.length).toBeGreaterThan(0);
      for (const note of notes) expect(note).not.toHaveProperty('sourceName');
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) expect(source.aliases).toEqual([]);
    },
  );
});
