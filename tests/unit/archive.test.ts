import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { indexDb, investigationDb } from '../../renderer/src/db/databases';
import type { InvestigationDb } from '../../renderer/src/db/schema';
import { PassphraseNeeded } from '../../renderer/src/workers/archive/archiveCrypto';
import { openArchive } from '../../renderer/src/workers/archive/readArchive';
import { restoreArchive, restoredName } from '../../renderer/src/workers/archive/restoreArchive';
import { ArchiveCancelled } from '../../renderer/src/workers/archive/writeArchive';
import { archiveBlob } from './archive/archiveBlob';
import { entryReaderFor, type EntryReader } from '../../renderer/src/workers/archive/entryReader';
import { addClaim } from '../../renderer/src/case/claims/claimMutations';
import { mergeEntities } from '../../renderer/src/case/entities/entityMutations';
import { decideMatch } from '../../renderer/src/case/sanctions/sanctionsMatches';
import { recordScreening } from '../../renderer/src/case/sanctions/caseScreenings';
import { linkEvidence } from '../../renderer/src/case/evidence/linkMutations';
import { createInvestigation } from '../../renderer/src/features/investigations/investigationMutations';
import {
  deleteInvestigation,
  removeInterruptedRestores,
} from '../../renderer/src/db/investigationIndex';
import { emptyNote, saveNote } from '../../renderer/src/case/notes/noteMutations';
import { emptySource } from '../../shared/notes/source';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { BlobReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import {
  ArchiveError,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  type ArchiveHeader,
  type ArchiveManifest,
} from '../../shared/archive/archiveFormat';
import { BlockSequence, decodeBlock, encodeBlock } from '../../shared/archive/blockCodec';
import { blockLines, buildBlock, DatasetDictionaries } from '../../shared/customs/blocks';
import { shipment } from './shipmentRows';
import { dictionaryColumns, type ShipmentBlock } from '../../shared/customs/dataset';
import { implicitEntityId } from '../../shared/entities/entity';
import type { Investigation } from '../../shared/investigation';
import type { TabView } from '../../shared/tabViews';
import { fixture } from '../fixtureSets';
import { fileBlob, fileBytes, fileRange, storeFile } from '../../renderer/src/db/storedFiles';
import { OpenDatabases } from '../../renderer/src/db/openDatabases';
import { sha256Hex } from '../../renderer/src/lib/bytes';
import { readFileSync } from 'node:fs';
import { importFixture } from './db/customsFixture';
import { snapshotRow } from './sanctions/snapshotRow';
import { rowCells } from '../../shared/customs/packedCells';
import { rawCells } from '../../renderer/src/db/rawCells';
import { textsOf } from '../../shared/customs/packedIdentifiers';
import { emptyShipmentFilter } from '../../shared/customs/shipmentFilter';

let db: InvestigationDb;
let investigation: Investigation;

const listedPoly = {
  targetId: 'own-poly-technologies',
  tier: 2 as const,
  score: 1,
  reason: '“POLY TECHNOLOGIES INC” is the listed name “Poly Technologies Inc.”',
  automatic: false,
  target: {
    id: 'own-poly-technologies',
    schema: 'Company',
    caption: 'Poly Technologies Inc.',
    names: ['Poly Technologies Inc.'],
    aliases: ['保利科技有限公司'],
    weakAliases: ['PTI'],
    previousNames: [],
    identifiers: [{ kind: 'registrationNumber' as const, value: 'OWN-CN-0001' }],
    countries: ['cn'],
    lists: ['list_a'],
    designations: [
      {
        id: 'own-sanc-poly-2013',
        authority: 'Authority A (synthetic)',
        program: 'Programme P (synthetic)',
        lists: ['list_a'],
        start: '2013-02',
        end: null,
        sourceUrl: 'https://sanctions.invalid/list_a/own-sanc-poly-2013',
        reason: '',
      },
    ],
  },
};

const snapshotOf2024 = snapshotRow('a'.repeat(64));

beforeEach(async () => {
  investigation = await createInvestigation('Archived case');
  db = investigationDb(investigation);
  await importFixture(db, fixture('customs', 'vendor-d-utf16-pipe.txt'), {
    vendor: 'D',
    origin: 'RU',
  });
  await importFixture(db, fixture('bad', 'mixed-row-errors.csv'));
  const claim = await addClaim(db, { text: 'A claim worth keeping.' });
  const noteId = await saveNote(db, { ...emptyNote(), title: 'Insider' }, undefined, {
    id: null,
    draft: { ...emptySource(), name: 'Ivan Secretov' },
  });
  await linkEvidence(db, {
    claimId: claim.id,
    targetType: 'note',
    targetId: noteId,
    label: 'Insider',
    relation: 'supports',
    comment: 'kept',
  });
  await mergeEntities(
    db,
    [implicitEntityId('POLY TECHNOLOGIES'), implicitEntityId('POLY TECHNOLOGY')],
    'Poly',
  );
  // A screening decision (schema version 14), frozen with its target and snapshot.
  await decideMatch(
    db,
    implicitEntityId('POLY TECHNOLOGIES'),
    listedPoly,
    snapshotOf2024,
    'confirmed',
  );
  // The case's screening against it (schema version 15), its candidates frozen with it.
  await recordScreening(db, {
    snapshot: snapshotOf2024,
    screened: 2,
    found: [{ id: implicitEntityId('POLY TECHNOLOGIES'), name: 'Poly', candidates: [listedPoly] }],
  });
});

const entriesOf = async (file: Blob, passphrase: string | null = null) =>
  (await openArchive(file, passphrase)).manifest.entries;

async function visibleCount() {
  return (await indexDb.investigations.toArray()).filter((row) => !row.restoring).length;
}

describe('investigation archives', () => {
  it('round-trip losslessly: export, restore, export give the same entries, byte for byte', async () => {
    // A confidential source never leaves in the clear: without a passphrase there is no archive.
    await db.sources.toCollection().modify({ confidentiality: 'confidential' });
    await expect(archiveBlob(db, investigation, { passphrase: null })).rejects.toThrow(
      'needs a passphrase',
    );
    await db.sources.toCollection().modify({ confidentiality: 'on-record' });
    const first = await archiveBlob(db, investigation, { passphrase: null });
    // Every entry's checksum is its content's, the blocks' given by the readers that made them.
    const zip = new ZipReader(new BlobReader(first), { checkCrc32: true });
    for (const entry of await zip.getEntries())
      if (!entry.directory) await entry.getData(new Uint8ArrayWriter());
    await zip.close();
    const opened = await openArchive(first, null);
    expect(opened.manifest.tables).toMatchObject({
      claims: 1,
      notes: 1,
      sources: 1,
      links: 1,
      entities: 1,
      datasets: 2,
      sanctionsMatches: 1,
      sanctionsScreenings: 1,
    });
    const restored = await restoreArchive(opened);
    expect(await investigationDb(restored).sanctionsMatches.toArray()).toEqual(
      await db.sanctionsMatches.toArray(),
    );
    expect(await investigationDb(restored).sanctionsScreenings.toArray()).toEqual(
      await db.sanctionsScreenings.toArray(),
    );
    expect(restored.id).not.toBe(investigation.id);
    // Beside the original, told apart by the day it was restored; restored again, not twice so.
    expect(restored.name).toBe(restoredName('Archived case', new Date()));
    expect(restored.name).toMatch(/^Archived case \(restored \d{4}-\d{2}-\d{2}\)$/);
    expect(restoredName(restored.name, new Date(2026, 0, 5))).toBe(
      'Archived case (restored 2026-01-05)',
    );
    const again = await archiveBlob(investigationDb(restored), restored, { passphrase: null });
    expect(await entriesOf(again)).toEqual(await entriesOf(first));
    // A delimited file's raw cells travel as its original: read again from the one restored.
    const rows = (await db.shipmentBlocks.toArray()).flatMap((block) =>
      Array.from(blockLines(block), (rowNumber, blockRow) => ({
        datasetId: block.datasetId,
        blockNo: block.blockNo,
        blockRow,
        rowNumber,
      })),
    );
    expect(await db.shipmentCells.count()).toBe(0);
    const cells = await rawCells(db, rows);
    expect(cells.every((row) => row.length > 1)).toBe(true);
    expect(await rawCells(investigationDb(restored), rows)).toEqual(cells);
    const rules = async (from: typeof db) =>
      (await from.statuses.toArray()).map((status) => [status.name, status.rule]);
    expect(await rules(investigationDb(restored))).toEqual(await rules(db));
    expect(await rules(db)).toContainEqual(['Corroborated', { minSupporting: 0, minOrigins: 2 }]);
    const files = await investigationDb(restored).files.toArray();
    expect(files.map((file) => file.name).sort()).toEqual([
      'mixed-row-errors.csv',
      'vendor-d-utf16-pipe.txt',
    ]);
  });

  it('are the same read by several readers in turn, each with one read ahead', async () => {
    const one = await archiveBlob(db, investigation, { passphrase: null });
    const calls = [0, 0];
    const counted = (index: number): EntryReader => {
      const reader = entryReaderFor(db);
      return {
        entries: (table, keys) => (calls[index]++, reader.entries(table, keys)),
        fileRange: (sha256, start, end) => (calls[index]++, reader.fileRange(sha256, start, end)),
      };
    };
    const two = await archiveBlob(db, investigation, {
      passphrase: null,
      readers: [counted(0), counted(1)],
    });
    expect(await entriesOf(two)).toEqual(await entriesOf(one));
    // Each of blocks, cells and files starts with the first reader, then alternates.
    expect(calls[1]).toBeGreaterThan(0);
    expect(calls[0] - calls[1]).toBeGreaterThanOrEqual(0);
    expect(calls[0] - calls[1]).toBeLessThanOrEqual(3);
  });

  it('are written and read in zip64 form, every entry and the end record', async () => {
    const zip64 = await archiveBlob(db, investigation, { passphrase: null, zip64: true });
    const bytes = new Uint8Array(await zip64.arrayBuffer());
    const view = new DataView(bytes.buffer);
    // The zip64 end record and its locator stand before the classic end record (22 bytes).
    const locator = bytes.length - 22 - 20;
    expect(view.getUint32(locator, true)).toBe(0x07064b50);
    const end64 = Number(view.getBigUint64(locator + 8, true));
    expect(view.getUint32(end64, true)).toBe(0x06064b50);
    // Every central record defers its sizes and offset to a zip64 extra field (id 1).
    const count = Number(view.getBigUint64(end64 + 32, true));
    let at = Number(view.getBigUint64(end64 + 48, true));
    for (let index = 0; index < count; index += 1) {
      expect(view.getUint32(at, true)).toBe(0x02014b50);
      expect(view.getUint32(at + 20, true)).toBe(0xffff_ffff);
      const [name, extra, comment] = [28, 30, 32].map((field) => view.getUint16(at + field, true));
      expect(view.getUint16(at + 46 + name, true)).toBe(1);
      at += 46 + name + extra + comment;
    }
    const opened = await openArchive(zip64, null);
    const first = await archiveBlob(db, investigation, { passphrase: null });
    expect(opened.manifest.entries).toEqual(await entriesOf(first));
    const restored = await restoreArchive(opened);
    const again = await archiveBlob(investigationDb(restored), restored, { passphrase: null });
    expect(await entriesOf(again)).toEqual(await entriesOf(first));
  });

  it('are sealed by a passphrase, and a wrong one is told plainly', async () => {
    const sealed = await archiveBlob(db, investigation, { passphrase: 'correct horse' });
    const header = JSON.parse(
      strFromU8(unzipSync(new Uint8Array(await sealed.arrayBuffer()))[HEADER_ENTRY]),
    ) as ArchiveHeader;
    expect(header.kdf).toMatchObject({ name: 'Argon2id', memoryKiB: 65_536, passes: 3 });
    await expect(openArchive(sealed, null)).rejects.toThrow(PassphraseNeeded);
    await expect(openArchive(sealed, 'wrong horse')).rejects.toThrow(
      'That passphrase is not right.',
    );
    const text = new TextDecoder('latin1').decode(new Uint8Array(await sealed.arrayBuffer()));
    expect(text).not.toContain('Ivan Secretov');
    expect(text).not.toContain('A claim worth keeping');
    const opened = await openArchive(sealed, 'correct horse');
    const restored = await restoreArchive(opened);
    expect((await investigationDb(restored).sources.toArray())[0]?.name).toBe('Ivan Secretov');
  }, 60_000);

  it('stop deriving the key at once when cancelled', async () => {
    const started = Date.now();
    await expect(
      archiveBlob(db, investigation, { passphrase: 'correct horse', cancelled: () => true }),
    ).rejects.toThrow(ArchiveCancelled);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuse a truncated archive and one with a changed byte, storing nothing', async () => {
    const file = await archiveBlob(db, investigation, { passphrase: null });
    const before = await visibleCount();
    await expect(openArchive(file.slice(0, file.size - 200), null)).rejects.toThrow(ArchiveError);
    await expect(openArchive(file.slice(0, file.size - 200), null)).rejects.toThrow(
      /ends early|damaged/,
    );
    const bytes = new Uint8Array(await file.arrayBuffer());
    // A byte of the claim's text, well away from any zip header.
    const at = new TextDecoder('latin1').decode(bytes).indexOf('A claim worth keeping');
    bytes[at] = 'B'.charCodeAt(0);
    // The claim's text is first met in the audit log, which is what the message names.
    await expect(restoreArchive(await openArchive(new Blob([bytes]), null))).rejects.toThrow(
      '“tables/audit.jsonl” does not match its SHA-256 in the manifest',
    );
    expect(await visibleCount()).toBe(before);
  });

  it('refuse entries the manifest does not list, and a missing manifest', async () => {
    const file = await archiveBlob(db, investigation, { passphrase: null });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.lastIndexOf(MANIFEST_ENTRY);
    bytes[at] = 'X'.charCodeAt(0);
    await expect(openArchive(new Blob([bytes]), null)).rejects.toThrow(ArchiveError);
  });

  it('leave nothing visible of a restore cut short, and remove it at the next start', async () => {
    const opened = await openArchive(
      await archiveBlob(db, investigation, { passphrase: null }),
      null,
    );
    await indexDb.investigations.add({ ...investigation, id: 'half-restored', restoring: true });
    expect(await removeInterruptedRestores()).toEqual(['Archived case']);
    expect(await indexDb.investigations.get('half-restored')).toBeUndefined();
    expect(opened.manifest.entries.length).toBeGreaterThan(5);
  });

  it('keep shipment blocks exactly, typed columns and all', async () => {
    const block = (await db.shipmentBlocks.toArray())[0];
    const decoded = decodeBlock(
      encodeBlock(block),
      `blocks/${block.datasetId}/${block.blockNo}.bin`,
    );
    expect(decoded).toEqual(block);
    // Stored narrow (the fixture's dictionaries are small), restored as narrow.
    expect(block.originCountry).toBeInstanceOf(Uint8Array);
    for (const column of [...dictionaryColumns, 'weightKg', 'value'] as const)
      expect(decoded[column].constructor).toBe(block[column].constructor);
    // The archive holds four bytes a dictionary number and eight a number, whatever the width at
    // rest: the entry is the same bytes as that of the block at full width, as stored before.
    const wide: ShipmentBlock = {
      ...block,
      weightKg: Float64Array.from(block.weightKg),
      value: Float64Array.from(block.value),
    };
    for (const column of dictionaryColumns) wide[column] = Uint32Array.from(block[column]);
    expect(encodeBlock(block)).toEqual(encodeBlock(wide));
    expect(
      decodeBlock(encodeBlock(wide), `blocks/${block.datasetId}/${block.blockNo}.bin`),
    ).toEqual(block);
  });

  it('keep original files of several parts, and empty ones, byte for byte, sealed or in the clear', async () => {
    // More than a restore writes at a time (64 MB), so that it is restored through a Blob; more than
    // one part read at a time (4 MB from the database, 16 MB from the archive), ending inside a
    // segment (4 MB).
    const large = new Uint8Array(65 * 1024 * 1024 + 12_345);
    for (let index = 0; index < large.length; index += 1) large[index] = (index * 7919) >>> 5;
    const files = [
      { name: 'large.csv', bytes: large },
      { name: 'empty.csv', bytes: new Uint8Array(0) },
    ];
    const clear = new OpenDatabases().open({ investigationId: `clear-${Date.now()}` });
    for (const target of [db, clear])
      for (const { name, bytes } of files) {
        const meta = { sha256: await sha256Hex(bytes), name, mime: 'text/csv' };
        await storeFile(target, meta, bytes);
      }
    // A part of a file, read alone, across a segment's end.
    const sealedLarge = (await db.files.get(await sha256Hex(large)))!;
    const start = 4 * 1024 * 1024 - 10;
    const part = await fileRange(db, sealedLarge, start, start + 5_000_000);
    expect(Buffer.compare(part, large.subarray(start, start + 5_000_000))).toBe(0);
    for (const [from, passphrase] of [
      [db, null],
      [db, 'correct horse'],
      [clear, null],
    ] as const) {
      const archive = await archiveBlob(from, investigation, { passphrase });
      const opened = await openArchive(archive, passphrase);
      const progress: [number, number][] = [];
      const restored = investigationDb(
        await restoreArchive(opened, (done, total) => progress.push([done, total])),
      );
      // Progress counts bytes, and moves through the large file a part (16 MB) at a time.
      const total = opened.manifest.entries.reduce((sum, entry) => sum + entry.bytes, 0);
      expect(progress.at(-1)).toEqual([total, total]);
      for (const [index, [done]] of progress.entries())
        expect(done - (progress[index - 1]?.[0] ?? 0)).toBeLessThanOrEqual(16 * 1024 * 1024);
      for (const { bytes } of files) {
        const file = (await restored.files.get(await sha256Hex(bytes)))!;
        expect(file.size).toBe(bytes.length);
        // Compared as buffers: an equality of 65 MB element by element takes the test's memory.
        expect(Buffer.compare(await fileBytes(restored, file), bytes)).toBe(0);
      }
    }
    // Read in pieces, the large file asks whether to stop before each part, and stops when told.
    const plainArchive = await archiveBlob(db, investigation, { passphrase: null });
    const opened = await openArchive(plainArchive, null);
    const largeEntry = `files/${await sha256Hex(large)}`;
    const readAll = async (stop: () => void) => {
      let length = 0;
      for await (const piece of opened.pieces(largeEntry, stop)) length += piece.length;
      return length;
    };
    let asked = 0;
    expect(await readAll(() => void (asked += 1))).toBe(large.length);
    expect(asked).toBe(Math.ceil(large.length / (16 * 1024 * 1024)));
    await expect(
      readAll(() => {
        throw new ArchiveCancelled();
      }),
    ).rejects.toThrow(ArchiveCancelled);
    // A byte changed in the large file (most of the archive, so its middle is in it): refused once
    // the whole file is read and hashed, and nothing of it stays.
    const archive = new Uint8Array(await plainArchive.arrayBuffer());
    archive[archive.length >> 1] ^= 1;
    const before = await visibleCount();
    await expect(restoreArchive(await openArchive(new Blob([archive]), null))).rejects.toThrow(
      'does not match its SHA-256',
    );
    expect(await visibleCount()).toBe(before);

    // A files row claiming the large file is one byte long (the rest consistent): the file still
    // comes in pieces, by the size its content is checked against, never read whole.
    const entries = unzipSync(new Uint8Array(await plainArchive.arrayBuffer()));
    const rows = strFromU8(entries['tables/files.jsonl'])
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { name: string; size: number });
    for (const row of rows) if (row.name === 'large.csv') row.size = 1;
    const table = strToU8(`${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);
    entries['tables/files.jsonl'] = table;
    const manifest = JSON.parse(strFromU8(entries[MANIFEST_ENTRY])) as ArchiveManifest;
    for (const entry of manifest.entries)
      if (entry.name === 'tables/files.jsonl')
        Object.assign(entry, { bytes: table.length, sha256: await sha256Hex(table) });
    entries[MANIFEST_ENTRY] = strToU8(JSON.stringify(manifest));
    const misleading = await openArchive(new Blob([zipSync(entries, { level: 0 })]), null);
    const inPieces: string[] = [];
    const restored = await restoreArchive({
      ...misleading,
      pieces: (name, stop) => (inPieces.push(name), misleading.pieces(name, stop)),
    });
    expect(inPieces).toEqual([largeEntry]);
    const file = (await investigationDb(restored).files.get(await sha256Hex(large)))!;
    expect(file.size).toBe(large.length);
  }, 60_000);

  it('refuse a block pointing past its dictionary, naming another block, or with a column too many', async () => {
    const block = (await db.shipmentBlocks.toArray())[0];
    const entry = `blocks/${block.datasetId}/${block.blockNo}.bin`;
    const shipper = block.shipper.slice();
    shipper[0] = block.dict.shipper.length;
    expect(() => decodeBlock(encodeBlock({ ...block, shipper }), entry)).toThrow(
      `This archive’s ${entry} points past its shipper dictionary: nothing was restored.`,
    );
    expect(() => decodeBlock(encodeBlock(block), `blocks/${block.datasetId}/99.bin`)).toThrow(
      'says it is another block',
    );
    expect(() =>
      decodeBlock(
        encodeBlock({ ...block, declarationId: textsOf(block.declarationId).slice(1) }),
        entry,
      ),
    ).toThrow(`This archive’s ${entry} is not one Waybill writes`);
  });

  /** The archive rewritten as if by another schema version: entries dropped, manifest redone. */
  async function asVersion(file: Blob, schemaVersion: number, drop: string[]): Promise<Blob> {
    const entries = unzipSync(new Uint8Array(await file.arrayBuffer()));
    const manifest = JSON.parse(strFromU8(entries[MANIFEST_ENTRY])) as ArchiveManifest;
    for (const name of drop) delete entries[name];
    const rewritten: ArchiveManifest = {
      ...manifest,
      schemaVersion,
      entries: manifest.entries.filter((entry) => !drop.includes(entry.name)),
    };
    entries[MANIFEST_ENTRY] = strToU8(JSON.stringify(rewritten));
    return new Blob([zipSync(entries, { level: 0 })]);
  }

  it('restore an archive of an older schema into today’s, and refuse one of a newer', async () => {
    const file = await archiveBlob(db, investigation, { passphrase: null });
    // Version 5 had no entities and no dismissed suggestions.
    const old = await asVersion(file, 5, [
      'tables/entities.jsonl',
      'tables/suggestionDismissals.jsonl',
    ]);
    const restored = await restoreArchive(await openArchive(old, null));
    const restoredDb = investigationDb(restored);
    expect(await restoredDb.claims.count()).toBe(1);
    expect(await restoredDb.entities.count()).toBe(0);
    const newer = await asVersion(file, 99, []);
    await expect(restoreArchive(await openArchive(newer, null))).rejects.toThrow('newer Waybill');
  });
  it('restore in place of the investigation they came from, when asked, keeping its id', async () => {
    const first = await archiveBlob(db, investigation, { passphrase: null });
    await addClaim(db, { text: 'Written after the backup.' });
    const oldDatabase = db.name;

    const restored = await restoreArchive(await openArchive(first, null), undefined, undefined, {
      replace: investigation.id,
    });
    expect(restored.id).toBe(investigation.id);
    expect(restored.databaseId).toBeDefined();
    const rows = await indexDb.investigations.toArray();
    expect(rows.filter((row) => row.id === investigation.id)).toHaveLength(1);
    expect(rows.find((row) => row.id === investigation.id)?.replacedDatabase).toBeUndefined();
    expect(await Dexie.exists(oldDatabase)).toBe(false);
    const now = investigationDb(restored);
    expect((await now.claims.toArray()).map((claim) => claim.text)).toEqual([
      'A claim worth keeping.',
    ]);
    const again = await archiveBlob(now, restored, { passphrase: null });
    expect(await entriesOf(again)).toEqual(await entriesOf(first));

    // Asked to replace a case that is not here, it restores a new one.
    await deleteInvestigation(restored.id);
    const added = await restoreArchive(await openArchive(first, null), undefined, undefined, {
      replace: restored.id,
    });
    expect(added.id).not.toBe(investigation.id);
  });

  it('finish an in-place restore at the next start when only the old databases were left', async () => {
    const first = await archiveBlob(db, investigation, { passphrase: null });
    const restored = await restoreArchive(await openArchive(first, null));
    // As if the window closed right after the switch: the row names a database still to delete.
    await indexDb.investigations.update(restored.id, { replacedDatabase: investigation.id });
    expect(await Dexie.exists(db.name)).toBe(true);
    await removeInterruptedRestores();
    expect(await Dexie.exists(db.name)).toBe(false);
    expect((await indexDb.investigations.get(restored.id))?.replacedDatabase).toBeUndefined();
  });
});

describe('archives written by the first writer (fflate, no zip64; Argon2id when sealed)', () => {
  it.each([
    ['plain', null],
    ['encrypted', 'archive passphrase 9'],
  ])(
    'still restore: the %s one of schema 9',
    async (kind, passphrase) => {
      const file = new Blob([readFileSync(fixture('archives', `schema-9-${kind}.waybill`))]);
      const restored = await restoreArchive(await openArchive(file, passphrase));
      expect(restored.name).toMatch(/^Written by the fflate writer \(restored /);
      const restoredDb = investigationDb(restored);
      const claims = await restoredDb.claims.toArray();
      expect(claims.map((claim) => [claim.text, claim.statusReason])).toEqual([
        ['The plant received rotor blades in 2022.', 'Confirmed by the second vendor.'],
      ]);
      // And, from version 11, the note's source a record of its own.
      const notes = await restoredDb.notes.toArray();
      const sources = await restoredDb.sources.toArray();
      expect(sources.map((source) => [source.name, source.aliases])).toEqual([
        ['Irina Zaslonova', ['Zaslonova']],
      ]);
      expect(notes.map((note) => [note.sourceId, note.body])).toEqual([
        [sources[0].id, 'Met in March.'],
      ]);
      expect(await restoredDb.links.count()).toBe(1);
      // And, from version 10, Corroborated its rule.
      const corroborated = (await restoredDb.statuses.toArray()).find(
        (status) => status.name === 'Corroborated',
      );
      expect(corroborated?.rule).toEqual({ minSupporting: 0, minOrigins: 2 });
      const [dataset] = await restoredDb.datasets.toArray();
      expect(dataset?.counts.accepted).toBe(60);
      const original = new Uint8Array(readFileSync(fixture('customs', 'vendor-d-utf16-pipe.txt')));
      const [stored] = await restoredDb.files.toArray();
      const bytes = new Uint8Array(await (await fileBlob(restoredDb, stored)).arrayBuffer());
      expect(bytes).toEqual(original);
      // The cells, archived as JSON before schema 16, are packed: each row as the file wrote it.
      const lines = new TextDecoder('utf-16le').decode(original).split(/\r?\n/);
      const [cells] = await restoredDb.shipmentCells.toArray();
      expect(cells.packed.rowEnds).toHaveLength(60);
      expect(rowCells(cells.packed, 0)).toEqual(lines[1].split('|'));
      expect(rowCells(cells.packed, 59)).toEqual(lines[60].split('|'));
      // Archived again with the name it was given (schema 19), it keeps it.
      await restoredDb.datasets.update(dataset.id, { displayName: 'Vendor D, 2022' });
      const again = await restoreArchive(
        await openArchive(await archiveBlob(restoredDb, restored, { passphrase: null }), null),
      );
      expect((await investigationDb(again).datasets.get(dataset.id))?.displayName).toBe(
        'Vendor D, 2022',
      );
    },
    60_000,
  );
});

describe('an archive of schema 16, before excerpts kept their quote as it reads', () => {
  it('restores each excerpt with its reading, from its document’s text', async () => {
    const file = new Blob([readFileSync(fixture('archives', 'schema-16-plain.waybill'))]);
    const restored = await restoreArchive(await openArchive(file, null));
    const restoredDb = investigationDb(restored);
    const excerpts = await restoredDb.excerpts.orderBy('id').toArray();
    // Page 2 writes “designation” and “Cooperation” joined, and “state-owned” with its hyphen.
    expect(excerpts.map((excerpt) => excerpt.reading).sort()).toEqual([
      'Its cooperation with АО «Улан-Удэнский завод» continues.',
      'The designation of the state-owned plant stands.',
    ]);
    expect(excerpts.every((excerpt) => excerpt.quote.exact.includes('-\n'))).toBe(true);
    expect(await restoredDb.links.count()).toBe(1);
    // Archived again, in today's shape (a new version of the document, an excerpt kept on the
    // old one), they come back as they are.
    const [notice] = await restoredDb.documents.toArray();
    await restoredDb.documents.add({
      ...notice,
      id: 'notice-corrected',
      sha256: 'e'.repeat(64),
      supersedes: notice.id,
    });
    await restoredDb.excerpts.update(excerpts[0].id, { keptOnVersion: true });
    // Schema 18: a re-scan read by OCR, its words on its page and an excerpt cut from them.
    const ocrWords = [
      {
        text: 'Scanned',
        box: { x1: 56, y1: 700, x2: 120, y2: 714 },
        confidence: 93,
        lineEnd: false,
      },
      { text: 'words', box: { x1: 124, y1: 700, x2: 160, y2: 714 }, confidence: 88, lineEnd: true },
    ];
    await restoredDb.pageTexts.put({
      documentId: 'notice-corrected',
      page: 1,
      text: 'Scanned words',
      ocr: { words: ocrWords, confidence: 91 },
    });
    await restoredDb.documents.update('notice-corrected', {
      ocr: {
        engine: 'Tesseract',
        languages: ['eng', 'rus'],
        finishedAt: 5,
        pages: 1,
        confidence: 91,
      },
    });
    await restoredDb.excerpts.update(excerpts[1].id, { ocr: { confidence: 88 } });
    const shipmentsView = {
      id: 'shipments' as const,
      filter: { ...emptyShipmentFilter, party: 'Улан-Удэ' },
      sort: { column: 'shipper' as const, direction: 'desc' as const },
      columns: ['date', 'shipper'],
      openRow: 3,
      display: 'pivot' as const,
      pivotBy: 'counterparty' as const,
    };
    const otherViews: TabView[] = [
      { id: 'claims', filter: { text: 'Ulan', statusId: '', tag: 'ru' }, openClaim: 'c1' },
      { id: 'entities', search: 'поли', openEntity: 'entity-1' },
      { id: 'notes', filter: { kind: 'request-for-comment', outcome: '', confidentiality: '' } },
      { id: 'documents', openDocument: 'notice-corrected' },
      { id: 'history', filter: { kind: 'claims', claimId: '', from: '2022-01-01', to: '' } },
    ];
    await restoredDb.views.bulkPut([shipmentsView, ...otherViews]);
    const current = await restoredDb.excerpts.orderBy('id').toArray();
    const again = await restoreArchive(
      await openArchive(await archiveBlob(restoredDb, restored, { passphrase: null }), null),
    );
    const againDb = investigationDb(again);
    expect(await againDb.excerpts.orderBy('id').toArray()).toEqual(current);
    expect((await againDb.documents.get('notice-corrected'))?.supersedes).toBe(notice.id);
    expect(await againDb.views.get('shipments')).toEqual(shipmentsView);
    for (const view of otherViews) expect(await againDb.views.get(view.id)).toEqual(view);
    expect((await againDb.documents.get('notice-corrected'))?.ocr?.languages).toEqual([
      'eng',
      'rus',
    ]);
    expect((await againDb.pageTexts.get(['notice-corrected', 1]))?.ocr?.words).toEqual(ocrWords);
  });
});

describe('blocks sharing their dataset’s dictionaries', () => {
  /** A dataset's blocks as an import stores them. */
  const sharedBlocks = (datasetId: string) => {
    const dictionaries = new DatasetDictionaries();
    return [0, 1, 2].map(
      (blockNo) =>
        buildBlock(
          datasetId,
          blockNo,
          [
            shipment(blockNo * 2 + 2, { shipper: `Shipper ${blockNo}` }),
            // The last block repeats a line: its duplicates are held, the others' not.
            shipment(blockNo * 2 + 3, { duplicateOf: blockNo === 2 ? 2 : 0 }),
          ],
          dictionaries,
        ).block,
    );
  };

  it('go through a backup and a restore as they are, and one out of order is refused', async () => {
    const investigation = await createInvestigation('Shared dictionaries');
    const db = investigationDb(investigation);
    const blocks = [...sharedBlocks('d1'), ...sharedBlocks('d2')];
    await db.shipmentBlocks.bulkAdd(blocks);
    const file = await archiveBlob(db, investigation, { passphrase: null });
    const restored = await restoreArchive(await openArchive(file, null));
    expect(blocks.map((block) => [block.rowNumber.length, block.duplicateOf.length])).toEqual([
      [1, 0],
      [1, 0],
      [1, 2],
      [1, 0],
      [1, 0],
      [1, 2],
    ]);
    expect(await investigationDb(restored).shipmentBlocks.toArray()).toEqual(blocks);

    // The same archive with d1's first two blocks listed the other way round.
    const entries = unzipSync(new Uint8Array(await file.arrayBuffer()));
    const manifest = JSON.parse(strFromU8(entries[MANIFEST_ENTRY])) as ArchiveManifest;
    const at = manifest.entries.findIndex((entry) => entry.name === 'blocks/d1/0.bin');
    expect(manifest.entries[at + 1].name).toBe('blocks/d1/1.bin');
    manifest.entries.splice(at, 2, manifest.entries[at + 1], manifest.entries[at]);
    entries[MANIFEST_ENTRY] = strToU8(JSON.stringify(manifest));
    const reordered = await openArchive(new Blob([zipSync(entries, { level: 0 })]), null);
    await expect(restoreArchive(reordered)).rejects.toThrow(
      'This archive’s blocks/d1/1.bin does not follow on from the block before it: nothing was restored.',
    );
  });

  it('are refused, storing nothing, when two rows of a dataset are on one line', async () => {
    const investigation = await createInvestigation('One line twice');
    const db = investigationDb(investigation);
    // Two blocks of fresh dictionaries, as a crafted archive may hold: only their lines are wrong.
    await db.shipmentBlocks.bulkAdd([
      buildBlock('d1', 0, [shipment(2), shipment(3)]).block,
      buildBlock('d1', 1, [shipment(3), shipment(4)]).block,
    ]);
    const file = await archiveBlob(db, investigation, { passphrase: null });
    const before = await indexDb.investigations.count();
    await expect(restoreArchive(await openArchive(file, null))).rejects.toThrow(
      'This archive’s blocks/d1/1.bin has a row on line 3 after one on line 3',
    );
    expect(await indexDb.investigations.count()).toBe(before);
  });

  it('are checked block by block: each follows on from the one before it', () => {
    const blocks = sharedBlocks('d1');
    const entry = (block: ShipmentBlock) => `blocks/d1/${block.blockNo}.bin`;
    const decoded = blocks.map((block) => decodeBlock(encodeBlock(block), entry(block)));
    expect(decoded).toEqual(blocks);
    expect(decoded[2].dictStart?.shipper).toBe(3);
    const inOrder = new BlockSequence();
    for (const block of decoded) inOrder.follow(block, entry(block));

    const refused = (block: ShipmentBlock) =>
      `This archive’s ${entry(block)} does not follow on from the block before it: nothing was restored.`;
    const skipping = new BlockSequence();
    skipping.follow(decoded[0], entry(decoded[0]));
    expect(() => skipping.follow(decoded[2], entry(decoded[2]))).toThrow(refused(decoded[2]));
    const shifted = { ...decoded[1], dictStart: { ...decoded[1].dictStart!, shipper: 0 } };
    const misplaced = new BlockSequence();
    misplaced.follow(decoded[0], entry(decoded[0]));
    expect(() => misplaced.follow(shifted, entry(shifted))).toThrow(refused(shifted));
    // Another dataset's block before it does not count.
    const elsewhere = new BlockSequence();
    elsewhere.follow({ ...decoded[0], datasetId: 'd2' }, 'blocks/d2/0.bin');
    expect(() => elsewhere.follow(decoded[1], entry(decoded[1]))).toThrow(refused(decoded[1]));
    // Rows out of the order of their lines: a line repeated from the block before, or going back.
    const lines = (rowNumber: number[]) =>
      decodeBlock(
        encodeBlock({ ...blocks[1], rowNumber: Int32Array.from(rowNumber) }),
        entry(blocks[1]),
      );
    const repeated = new BlockSequence();
    repeated.follow(decoded[0], entry(decoded[0]));
    expect(() => repeated.follow(lines([3, 5]), entry(blocks[1]))).toThrow(
      `This archive’s ${entry(blocks[1])} has a row on line 3 after one on line 3, out of the order of their lines: nothing was restored.`,
    );
    const backwards = new BlockSequence();
    backwards.follow(decoded[0], entry(decoded[0]));
    expect(() => backwards.follow(lines([5, 4]), entry(blocks[1]))).toThrow(
      'has a row on line 4 after one on line 5',
    );
    const onward = new BlockSequence();
    onward.follow(decoded[0], entry(decoded[0]));
    onward.follow(lines([9, 12]), entry(blocks[1]));
    // A number past what the dataset's dictionaries hold after the block.
    const shipper = Uint32Array.from(blocks[1].shipper);
    shipper[0] = 3;
    expect(() => decodeBlock(encodeBlock({ ...blocks[1], shipper }), entry(blocks[1]))).toThrow(
      `This archive’s ${entry(blocks[1])} points past its shipper dictionary: nothing was restored.`,
    );
  });
});
