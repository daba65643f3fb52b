import { beforeEach, describe, expect, it } from 'vitest';
import { investigationDb } from '../../../renderer/src/db/databases';
import type { InvestigationDb } from '../../../renderer/src/db/schema';
import { addClaim } from '../../../renderer/src/case/claims/claimMutations';
import { createInvestigation } from '../../../renderer/src/features/investigations/investigationMutations';
import {
  addStatus,
  deleteStatus,
  moveStatus,
  updateStatus,
} from '../../../renderer/src/case/statuses/statusMutations';
import { defaultStatuses } from '../../../shared/statusVocabulary';

let db: InvestigationDb;

beforeEach(async () => {
  db = investigationDb(await createInvestigation('Statuses test'));
});

const names = async () =>
  (await db.statuses.orderBy('order').toArray()).map((status) => status.name);

describe('status vocabulary', () => {
  it('starts with the handbook’s defaults and their publishable flags', async () => {
    const statuses = await db.statuses.orderBy('order').toArray();
    expect(statuses.map((status) => status.name)).toEqual([
      'Draft',
      'Not independently verified',
      'Corroborated',
      'Verified',
      'Disputed',
      'Denied by subject',
      'No response to request for comment',
      'Retracted',
    ]);
    expect(statuses.filter((status) => status.publishable).map((status) => status.name)).toEqual([
      'Not independently verified',
      'Corroborated',
      'Verified',
      'Denied by subject',
      'No response to request for comment',
    ]);
    expect(statuses).toHaveLength(defaultStatuses.length);
  });

  it('is edited: name, colour, description, publishable, order', async () => {
    const added = await addStatus(db, {
      name: 'Legal review',
      color: '#123456',
      description: '',
      publishable: false,
    });
    await updateStatus(db, added.id, {
      name: 'Lawyer checked',
      publishable: true,
      description: 'Read by counsel.',
    });
    await moveStatus(db, added.id, 'up');
    expect((await names()).slice(-2)).toEqual(['Lawyer checked', 'Retracted']);
    expect(await db.statuses.get(added.id)).toMatchObject({
      publishable: true,
      description: 'Read by counsel.',
    });
  });

  it('refuses a duplicate name, an empty name and a bad colour', async () => {
    await expect(
      addStatus(db, { name: 'verified', color: '#000000', description: '', publishable: true }),
    ).rejects.toThrow('already a status named “Verified”');
    const draft = (await db.statuses.orderBy('order').first())!;
    await expect(updateStatus(db, draft.id, { name: '  ' })).rejects.toThrow('needs a name');
    await expect(updateStatus(db, draft.id, { color: 'red' })).rejects.toThrow('#rrggbb');
  });

  it('in use is deleted only with a target for its claims, which record why they moved', async () => {
    const draft = (await db.statuses.orderBy('order').first())!;
    const disputed = (await db.statuses.filter((status) => status.name === 'Disputed').first())!;
    const claim = await addClaim(db, { text: 'A draft claim.' });
    await expect(deleteStatus(db, draft.id)).rejects.toThrow('choose where they go');
    expect(await db.statuses.get(draft.id)).toBeDefined();
    await deleteStatus(db, draft.id, disputed.id);
    expect(await db.statuses.get(draft.id)).toBeUndefined();
    expect((await db.claims.get(claim.id))?.statusId).toBe(disputed.id);
    const last = (
      await db.audit.where('[table+recordId]').equals(['claims', claim.id]).sortBy('id')
    ).at(-1);
    expect(last).toMatchObject({
      reason: 'Status “Draft” was deleted.',
      after: { statusName: 'Disputed' },
    });
  });

  it('not in use is deleted at once', async () => {
    const retracted = (await db.statuses.filter((status) => status.name === 'Retracted').first())!;
    await deleteStatus(db, retracted.id);
    expect(await names()).not.toContain('Retracted');
  });
});
