import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { indexDb, investigationDb } from '../../../renderer/src/db/databases';
import { InvestigationDb, investigationDbName } from '../../../renderer/src/db/schema';
import { addClaim } from '../../../renderer/src/case/claims/claimMutations';
import {
  createInvestigation,
  createSampleInvestigation,
  renameInvestigation,
} from '../../../renderer/src/features/investigations/investigationMutations';
import {
  deleteInvestigation,
  finishInterruptedDeletions,
} from '../../../renderer/src/db/investigationIndex';
import { sampleInvestigation } from '../../../renderer/src/features/investigations/sample';

const databaseNames = async () => (await indexedDB.databases()).map((database) => database.name);

beforeEach(async () => {
  await indexDb.investigations.clear();
});

describe('investigations', () => {
  it('each get a database of their own, with the current schema’s tables', async () => {
    const investigation = await createInvestigation('  China–Russia   defense trade 2022 ');
    expect(investigation.name).toBe('China–Russia defense trade 2022');
    expect(await databaseNames()).toContain(investigationDbName(investigation.id));
    const db = investigationDb(investigation);
    expect(db.verno).toBe(24);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'audit',
      'claims',
      'datasets',
      'documents',
      'entities',
      'excerpts',
      'fileParts',
      'files',
      'links',
      'notes',
      'pageTexts',
      'rowProblems',
      'sanctionsMatches',
      'sanctionsScreenings',
      'savedFilters',
      'sections',
      'shipmentBlocks',
      'shipmentCells',
      'sources',
      'statuses',
      'suggestionDismissals',
      'views',
    ]);
    expect(db.claims.schema.idxByName).toHaveProperty('tags');
    expect(db.claims.schema.idxByName.tags?.multi).toBe(true);
  });

  it('never see each other’s claims', async () => {
    const first = investigationDb(await createInvestigation('First'));
    const second = investigationDb(await createInvestigation('Second'));
    await addClaim(first, { text: 'Only in the first.' });
    expect(await first.claims.count()).toBe(1);
    expect(await second.claims.count()).toBe(0);
  });

  it('are renamed, and refuse an empty name', async () => {
    const investigation = await createInvestigation('Old name');
    await renameInvestigation(investigation.id, 'New name');
    expect((await indexDb.investigations.get(investigation.id))?.name).toBe('New name');
    await expect(renameInvestigation(investigation.id, '  ')).rejects.toThrow('needs a name');
    await expect(createInvestigation('')).rejects.toThrow('needs a name');
  });

  it('are deleted with their database', async () => {
    const investigation = await createInvestigation('Doomed');
    await addClaim(investigationDb(investigation), { text: 'Sensitive.' });
    await deleteInvestigation(investigation.id);
    expect(await indexDb.investigations.get(investigation.id)).toBeUndefined();
    expect(await databaseNames()).not.toContain(investigationDbName(investigation.id));
  });

  it('whose deletion was cut short are deleted at the next start', async () => {
    const investigation = await createInvestigation('Half deleted');
    await indexDb.investigations.update(investigation.id, { deleting: true });
    expect(await finishInterruptedDeletions()).toBe(1);
    expect(await indexDb.investigations.count()).toBe(0);
    expect(await Dexie.exists(investigationDbName(investigation.id))).toBe(false);
  });

  it('include the synthetic sample, labelled as such, with its statuses and reasons', async () => {
    const investigation = await createSampleInvestigation(sampleInvestigation);
    expect(investigation).toMatchObject({
      synthetic: true,
      notice: expect.stringContaining('Synthetic') as unknown,
    });
    const db = investigationDb(investigation);
    const total = sampleInvestigation.sections.reduce(
      (sum, section) => sum + section.claims.length,
      0,
    );
    expect(await db.claims.count()).toBe(total);
    expect(await db.sections.count()).toBe(sampleInvestigation.sections.length);
    const notVerified = await db.statuses
      .filter((status) => status.name === 'Not independently verified')
      .first();
    const claim = await db.claims.where('statusId').equals(notVerified!.id).first();
    const history = await db.audit
      .where('[table+recordId]')
      .equals(['claims', claim!.id])
      .sortBy('id');
    expect(history.at(-1)?.reason).toMatch(/vendors/);
  });
});

describe('schema', () => {
  it('reopens an existing database without loss', async () => {
    const investigation = await createInvestigation('Reopened');
    const db = investigationDb(investigation);
    await addClaim(db, { text: 'Persisted.' });
    db.close();
    const reopened = new InvestigationDb(db.access);
    expect((await reopened.claims.toArray()).map((claim) => claim.text)).toEqual(['Persisted.']);
    expect(await reopened.statuses.count()).toBe(8);
    reopened.close();
    await db.open();
  });
});
