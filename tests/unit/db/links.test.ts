import { describe, expect, it } from 'vitest';
import { investigationDb } from '../../../renderer/src/db/databases';
import { addClaim } from '../../../renderer/src/case/claims/claimMutations';
import { describeClaimChange } from '../../../shared/audit/claimChange';
import { linkEvidence, unlinkEvidence } from '../../../renderer/src/case/evidence/linkMutations';
import { createInvestigation } from '../../../renderer/src/features/investigations/investigationMutations';
import { deleteNote, saveNote, emptyNote } from '../../../renderer/src/case/notes/noteMutations';
import {
  deleteSavedFilter,
  saveFilter,
} from '../../../renderer/src/case/shipments/savedFilterMutations';
import { emptyShipmentFilter } from '../../../shared/customs/shipmentFilter';
import { relationCounts } from '../../../shared/evidence/link';

describe('evidence links', () => {
  it('cite evidence once per claim, in the claim’s history, and count by relation', async () => {
    const db = investigationDb(await createInvestigation('Links'));
    const claim = await addClaim(db, { text: 'A claim.' });
    const noteId = await saveNote(db, { ...emptyNote(), title: 'Interview' });
    const input = {
      claimId: claim.id,
      targetType: 'note' as const,
      targetId: noteId,
      label: 'Source note Interview',
      relation: 'supports' as const,
      comment: ' strong ',
    };
    const link = await linkEvidence(db, input);
    expect(link.comment).toBe('strong');
    await expect(linkEvidence(db, { ...input, relation: 'context' })).rejects.toThrow(
      'already cites',
    );
    expect(relationCounts(await db.links.toArray())).toEqual({
      supports: 1,
      contradicts: 0,
      context: 0,
    });
    await unlinkEvidence(db, link, 'Source note Interview');
    const history = await db.audit
      .where('[table+recordId]')
      .equals(['claims', claim.id])
      .sortBy('id');
    expect(history.slice(-2).flatMap(describeClaimChange)).toEqual([
      'Cited supports: Source note Interview',
      'No longer cites supports: Source note Interview',
    ]);
    expect(await db.links.count()).toBe(0);
  });

  it('refuse a claim that does not exist', async () => {
    const db = investigationDb(await createInvestigation('No claim'));
    await expect(
      linkEvidence(db, {
        claimId: 'nope',
        targetType: 'note',
        targetId: 'n',
        label: 'x',
        relation: 'supports',
        comment: '',
      }),
    ).rejects.toThrow('no longer exists');
  });

  it('keep cited evidence from being deleted, unless the links go too, on the claim’s record', async () => {
    const db = investigationDb(await createInvestigation('Cited'));
    const claim = await addClaim(db, { text: 'A claim.' });
    const noteId = await saveNote(db, { ...emptyNote(), title: 'Interview' });
    await saveFilter(db, 'Poly 2022', emptyShipmentFilter);
    const filterId = (await db.savedFilters.toArray())[0].id;
    for (const [targetType, targetId] of [
      ['note', noteId],
      ['savedFilter', filterId],
    ] as const)
      await linkEvidence(db, {
        claimId: claim.id,
        targetType,
        targetId,
        label: targetId,
        relation: 'supports',
        comment: '',
      });

    await expect(deleteNote(db, noteId)).rejects.toThrow('A claim cites this evidence');
    await expect(deleteSavedFilter(db, filterId)).rejects.toThrow('A claim cites this evidence');
    expect(await db.notes.count()).toBe(1);
    expect(await db.links.count()).toBe(2);

    await deleteNote(db, noteId, true);
    expect(await db.notes.count()).toBe(0);
    expect(await db.links.count()).toBe(1);
    const history = await db.audit
      .where('[table+recordId]')
      .equals(['claims', claim.id])
      .sortBy('id');
    expect(history.at(-1)).toMatchObject({
      before: { evidence: 'supports: Source note Interview' },
      after: null,
      reason: 'The evidence was deleted',
    });
  });
});
