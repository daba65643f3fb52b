import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { investigationDb } from '../../../renderer/src/db/databases';
import type { InvestigationDb } from '../../../renderer/src/db/schema';
import { addClaim } from '../../../renderer/src/case/claims/claimMutations';
import { updateProvenance } from '../../../renderer/src/case/datasets/datasetMutations';
import {
  addExcerpt,
  deleteExcerpt,
  restoreExcerpt,
  updateExcerptNotes,
} from '../../../renderer/src/case/documents/excerptMutations';
import { linkEvidence, markCountSeen } from '../../../renderer/src/case/evidence/linkMutations';
import { createInvestigation } from '../../../renderer/src/features/investigations/investigationMutations';
import {
  deleteSavedFilter,
  saveFilter,
} from '../../../renderer/src/case/shipments/savedFilterMutations';
import { emptyShipmentFilter } from '../../../shared/customs/shipmentFilter';
import { originDeclaration } from '../../../shared/dossier/declarations';
import { saveUserName } from '../../../renderer/src/case/investigations/userName';
import { fixture } from '../../fixtureSets';
import { importFixture } from './customsFixture';
import { documentRecord } from './documentRecord';

let db: InvestigationDb;

beforeEach(async () => {
  db = investigationDb(await createInvestigation('Audited'));
});

/** The audit entries of one table, oldest first, as [action, before, after]. */
const entriesOf = async (table: string) =>
  (await db.audit.orderBy('id').toArray())
    .filter((entry) => entry.table === table)
    .map((entry) => [entry.action, entry.before, entry.after]);

const document = documentRecord('doc-1', 'Notice');

// Document titles and origins are audited the same way; documentMutations needs pdf.js, so the
// end-to-end test (dossier.spec) covers them.
describe('every change to evidence is audited in its own transaction', () => {
  it('excerpts: added, comment and tags changed, removed, put back', async () => {
    await db.documents.add(document);
    const pageText = 'The entity was designated in 2013.';
    const excerpt = await addExcerpt(db, document, {
      page: 1,
      pageText,
      span: { start: 4, end: 10 },
      rects: [],
    });
    await updateExcerptNotes(db, excerpt.id, { comment: ' Checked ', tags: ['Sanctions'] });
    const deleted = await deleteExcerpt(db, excerpt.id);
    await restoreExcerpt(db, deleted!);
    expect(await db.excerpts.get(excerpt.id)).toEqual({
      ...excerpt,
      comment: 'Checked',
      tags: ['Sanctions'],
    });
    const quote = { documentId: document.id, page: 1, quote: 'entity' };
    expect(await entriesOf('excerpts')).toEqual([
      ['create', null, quote],
      ['update', { comment: '', tags: [] }, { comment: 'Checked', tags: ['Sanctions'] }],
      ['delete', quote, null],
      ['restore', null, quote],
    ]);
  });

  it('dataset imports and provenance', async () => {
    const dataset = await importFixture(db, fixture('customs', 'vendor-d-utf16-pipe.txt'), {
      vendor: 'D',
      origin: '',
    });
    await updateProvenance(db, dataset.id, { vendor: 'Vendor D', origin: 'RU customs' });
    await updateProvenance(db, dataset.id, {
      vendor: 'Vendor D',
      origin: 'RU customs',
      displayName: ' Vendor D, 2022 ',
    });
    expect((await db.datasets.get(dataset.id))?.displayName).toBe('Vendor D, 2022');
    // An empty name gives the file's name back.
    await updateProvenance(db, dataset.id, {
      vendor: 'Vendor D',
      origin: 'RU customs',
      displayName: '',
    });
    expect(await db.datasets.get(dataset.id)).not.toHaveProperty('displayName');
    expect(await entriesOf('datasets')).toEqual([
      [
        'create',
        null,
        { fileName: dataset.fileName, fileSha256: dataset.fileSha256, vendor: 'D', origin: '' },
      ],
      ['update', { vendor: 'D', origin: '' }, { vendor: 'Vendor D', origin: 'RU customs' }],
      ['update', {}, { displayName: 'Vendor D, 2022' }],
      ['update', { displayName: 'Vendor D, 2022' }, {}],
    ]);
  });

  it('saved filters, and the count a user marked as seen on a link', async () => {
    await saveFilter(db, 'Everything', emptyShipmentFilter);
    const saved = (await db.savedFilters.toArray())[0];
    const claim = await addClaim(db, { text: 'A claim.' });
    const link = await linkEvidence(db, {
      claimId: claim.id,
      targetType: 'savedFilter',
      targetId: saved.id,
      label: 'Everything',
      relation: 'supports',
      comment: '',
    });
    await markCountSeen(db, link.id, 26);
    await markCountSeen(db, link.id, 26);
    expect(await entriesOf('links')).toEqual([
      ['update', { seenCount: undefined }, { seenCount: 26 }],
    ]);
    await deleteSavedFilter(db, saved.id, true);
    expect(await entriesOf('savedFilters')).toEqual([
      ['create', null, { name: 'Everything', filter: emptyShipmentFilter }],
      ['delete', { name: 'Everything', filter: emptyShipmentFilter }, null],
    ]);
  });
});

describe('“Your name”', () => {
  afterEach(() => saveUserName(''));

  it('is recorded with each change, handed to workers, and declares a dataset’s origin', async () => {
    await saveUserName('  Ana   Reporter ');
    const dataset = await importFixture(db, fixture('customs', 'vendor-d-utf16-pipe.txt'), {
      vendor: 'D',
      origin: 'RU customs',
    });
    const claim = await addClaim(db, { text: 'Signed.' });
    // A worker opens the database with the access it is handed, and writes in the same name.
    expect(db.access.actor).toBe('Ana Reporter');
    await saveUserName('Ben Editor');
    await updateProvenance(db, dataset.id, { vendor: 'D', origin: 'Russian customs' });
    const entries = await db.audit.orderBy('id').toArray();
    expect(entries.map((entry) => [entry.table, entry.by])).toEqual([
      ['datasets', 'Ana Reporter'],
      ['claims', 'Ana Reporter'],
      ['datasets', 'Ben Editor'],
    ]);
    expect(entries[1].recordId).toBe(claim.id);
    const day = new Date().toISOString().slice(0, 10);
    expect(originDeclaration({ id: dataset.id, addedAt: dataset.importedAt }, entries)).toBe(
      `declared at import on ${day} by Ana Reporter; changed on ${day} by Ben Editor`,
    );
    // With no name given, none is recorded.
    await saveUserName('');
    await addClaim(db, { text: 'Unsigned.' });
    expect((await db.audit.orderBy('id').last())?.by).toBeUndefined();
  });
});
