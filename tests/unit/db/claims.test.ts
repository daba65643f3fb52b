import { beforeEach, describe, expect, it } from 'vitest';
import { investigationDb } from '../../../renderer/src/db/databases';
import type { InvestigationDb } from '../../../renderer/src/db/schema';
import {
  addClaim,
  changeClaimStatus,
  deleteClaim,
  moveClaim,
  moveClaimToSection,
  restoreClaim,
  updateClaim,
} from '../../../renderer/src/case/claims/claimMutations';
import {
  addSection,
  deleteSection,
  moveSection,
  renameSection,
} from '../../../renderer/src/case/claims/sectionMutations';
import { createInvestigation } from '../../../renderer/src/features/investigations/investigationMutations';
import { describeClaimChange } from '../../../shared/audit/claimChange';

let db: InvestigationDb;

beforeEach(async () => {
  db = investigationDb(await createInvestigation('Claims test'));
});

const statusNamed = async (name: string) =>
  (await db.statuses.filter((status) => status.name === name).first())!;
const historyOf = (claimId: string) =>
  db.audit.where('[table+recordId]').equals(['claims', claimId]).sortBy('id');

describe('claims', () => {
  it('start as Draft, trimmed, with the creation in their history', async () => {
    const claim = await addClaim(db, { text: '  The exporter was designated in 2013.  ' });
    expect(claim.text).toBe('The exporter was designated in 2013.');
    expect(claim.statusId).toBe((await statusNamed('Draft')).id);
    const history = await historyOf(claim.id);
    expect(history.map((entry) => entry.action)).toEqual(['create']);
    expect(history[0]?.after).toMatchObject({ text: claim.text, statusName: 'Draft' });
  });

  it('refuse empty text and leave nothing behind', async () => {
    await expect(addClaim(db, { text: '   ' })).rejects.toThrow('A claim needs some text.');
    expect(await db.claims.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('keep a status change with its reason and the status names of the time', async () => {
    const claim = await addClaim(db, { text: 'Thirteen shipments in 2022.' });
    const notVerified = await statusNamed('Not independently verified');
    await changeClaimStatus(db, claim.id, notVerified.id, '  Customs data from third parties.  ');
    const history = await historyOf(claim.id);
    expect(history.at(-1)).toMatchObject({
      action: 'update',
      before: { statusName: 'Draft' },
      after: { statusId: notVerified.id, statusName: 'Not independently verified' },
      reason: 'Customs data from third parties.',
    });
    expect(describeClaimChange(history.at(-1)!)).toEqual([
      'Status: Draft → Not independently verified',
    ]);
  });

  it('write nothing for a change that changes nothing', async () => {
    const claim = await addClaim(db, { text: 'Same text.' });
    await updateClaim(db, claim.id, { text: 'Same text.  ' });
    expect(await historyOf(claim.id)).toHaveLength(1);
  });

  it('roll back the change and its audit entry together when a step fails', async () => {
    const claim = await addClaim(db, { text: 'A claim.' });
    await expect(updateClaim(db, claim.id, { statusId: 'no-such-status' })).rejects.toThrow(
      'no such status',
    );
    await expect(
      updateClaim(db, claim.id, { text: 'New text', sectionId: 'no-such-section' }),
    ).rejects.toThrow('no such section');
    expect((await db.claims.get(claim.id))?.text).toBe('A claim.');
    expect(await historyOf(claim.id)).toHaveLength(1);
  });

  it('keep tags unique and trimmed, and describe tagging in the history', async () => {
    const claim = await addClaim(db, { text: 'Tagged.' });
    await updateClaim(db, claim.id, { tags: [' customs ', 'customs', 'helicopters', ''] });
    expect((await db.claims.get(claim.id))?.tags).toEqual(['customs', 'helicopters']);
    await updateClaim(db, claim.id, { tags: ['helicopters', 'sanctions'] });
    const last = (await historyOf(claim.id)).at(-1)!;
    expect(describeClaimChange(last)).toEqual(['Tagged “sanctions”', 'Untagged “customs”']);
  });

  it('are deleted into the history and restored by undo, history intact', async () => {
    const claim = await addClaim(db, { text: 'To be deleted.', tags: ['x'] });
    const deleted = await deleteClaim(db, claim.id);
    expect(await db.claims.get(claim.id)).toBeUndefined();
    await restoreClaim(db, deleted);
    expect(await db.claims.get(claim.id)).toMatchObject({ text: 'To be deleted.', tags: ['x'] });
    expect((await historyOf(claim.id)).map((entry) => entry.action)).toEqual([
      'create',
      'delete',
      'restore',
    ]);
  });

  it('move up and down within their section, and to the end of another', async () => {
    const [a, b, c] = [
      await addClaim(db, { text: 'A' }),
      await addClaim(db, { text: 'B' }),
      await addClaim(db, { text: 'C' }),
    ];
    const texts = async (sectionId: string | null) =>
      (await db.claims.orderBy('order').toArray())
        .filter((claim) => claim.sectionId === sectionId)
        .map((claim) => claim.text);
    await moveClaim(db, c.id, 'up');
    expect(await texts(null)).toEqual(['A', 'C', 'B']);
    await moveClaim(db, a.id, 'up');
    expect(await texts(null)).toEqual(['A', 'C', 'B']);
    const section = await addSection(db, 'Shipments');
    await moveClaimToSection(db, b.id, section.id);
    await moveClaimToSection(db, a.id, section.id);
    expect(await texts(section.id)).toEqual(['B', 'A']);
    expect(await texts(null)).toEqual(['C']);
  });
});

describe('sections', () => {
  it('are added, renamed, reordered; deleting one keeps its claims, unsectioned', async () => {
    const first = await addSection(db, 'Shipments');
    const second = await addSection(db, 'Sanctions');
    await renameSection(db, second.id, 'Designations');
    await moveSection(db, second.id, 'up');
    expect((await db.sections.orderBy('order').toArray()).map((section) => section.name)).toEqual([
      'Designations',
      'Shipments',
    ]);
    const claim = await addClaim(db, { text: 'In a section.', sectionId: first.id });
    await deleteSection(db, first.id);
    expect(await db.sections.get(first.id)).toBeUndefined();
    expect((await db.claims.get(claim.id))?.sectionId).toBeNull();
    expect(describeClaimChange((await historyOf(claim.id)).at(-1)!)).toEqual([
      'Moved to another section',
    ]);
  });

  it('need a name', async () => {
    await expect(addSection(db, ' ')).rejects.toThrow('A section needs a name.');
  });
});
