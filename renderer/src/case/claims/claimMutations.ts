/**
 * Every change to a claim goes through here: written through the investigation's database with its
 * audit entry in the same transaction. Components call these; they never touch the database.
 */
import type { Claim } from '#shared/investigation';
import { normaliseTag } from '#shared/claimFilter';
import { byOrder, moveByOne, nextOrder } from '#shared/ordering';
import { changedFields, recordChange } from '../../db/audit';
import { newId } from '../../db/databases';
import type { InvestigationDb } from '../../db/schema';

const MAX_CLAIM_LENGTH = 20_000;

export class ClaimError extends Error {}

function cleanText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new ClaimError('A claim needs some text.');
  if (trimmed.length > MAX_CLAIM_LENGTH) {
    throw new ClaimError(
      `A claim can hold at most ${MAX_CLAIM_LENGTH.toLocaleString()} characters.`,
    );
  }
  return trimmed;
}

const allTables = (db: InvestigationDb) => [db.claims, db.statuses, db.sections, db.audit];

/** Status ids become names in the audit log too, so the history reads right after a rename. */
async function withStatusNames(db: InvestigationDb, fields: Record<string, unknown>) {
  if (typeof fields.statusId !== 'string') return fields;
  const status = await db.statuses.get(fields.statusId);
  return { ...fields, statusName: status?.name ?? '(deleted status)' };
}

export async function addClaim(
  db: InvestigationDb,
  input: { text: string; sectionId?: string | null; statusId?: string; tags?: string[] },
): Promise<Claim> {
  const text = cleanText(input.text);
  return db.transaction('rw', allTables(db), async () => {
    const statuses = await db.statuses.orderBy('order').toArray();
    const statusId = input.statusId ?? statuses[0]?.id;
    if (!statusId || !statuses.some((status) => status.id === statusId)) {
      throw new ClaimError('This investigation has no such status.');
    }
    const sectionId = input.sectionId ?? null;
    const siblings = await db.claims.filter((claim) => claim.sectionId === sectionId).toArray();
    const now = Date.now();
    const claim: Claim = {
      id: newId(),
      text,
      statusId,
      statusReason: '',
      tags: [...new Set((input.tags ?? []).map(normaliseTag).filter(Boolean))],
      sectionId,
      order: nextOrder(siblings),
      createdAt: now,
      updatedAt: now,
    };
    await db.claims.add(claim);
    const { id: _id, ...fields } = claim;
    await recordChange(db, 'claims', claim.id, 'create', null, await withStatusNames(db, fields));
    return claim;
  });
}

type ClaimChanges = Partial<Pick<Claim, 'text' | 'statusId' | 'tags' | 'sectionId' | 'order'>>;

/** The one path by which a stored claim changes. A change that changes nothing writes nothing. */
export async function updateClaim(
  db: InvestigationDb,
  claimId: string,
  changes: ClaimChanges,
  reason?: string,
): Promise<void> {
  const cleaned: ClaimChanges = { ...changes };
  if (changes.text !== undefined) cleaned.text = cleanText(changes.text);
  if (changes.tags !== undefined) {
    cleaned.tags = [...new Set(changes.tags.map(normaliseTag).filter(Boolean))];
  }
  await db.transaction('rw', allTables(db), async () => {
    const claim = await db.claims.get(claimId);
    if (!claim) throw new ClaimError('This claim no longer exists.');
    if (cleaned.statusId !== undefined && !(await db.statuses.get(cleaned.statusId))) {
      throw new ClaimError('This investigation has no such status.');
    }
    if (cleaned.sectionId && !(await db.sections.get(cleaned.sectionId))) {
      throw new ClaimError('This investigation has no such section.');
    }
    const current: Record<string, unknown> = {};
    for (const key of Object.keys(cleaned)) current[key] = claim[key as keyof Claim];
    const diff = changedFields(current, cleaned);
    if (Object.keys(diff.after).length === 0) return;
    // The claim keeps the reason for its current status; the audit entry keeps it in the history.
    const statusReason = 'statusId' in diff.after ? { statusReason: reason ?? '' } : {};
    await db.claims.update(claimId, { ...cleaned, ...statusReason, updatedAt: Date.now() });
    await recordChange(
      db,
      'claims',
      claimId,
      'update',
      await withStatusNames(db, diff.before),
      await withStatusNames(db, diff.after),
      reason,
    );
  });
}

export const changeClaimStatus = (
  db: InvestigationDb,
  claimId: string,
  statusId: string,
  reason: string,
): Promise<void> => updateClaim(db, claimId, { statusId }, reason);

/** Moves a claim into another section (or none), at the end of it. */
export async function moveClaimToSection(
  db: InvestigationDb,
  claimId: string,
  sectionId: string | null,
): Promise<void> {
  const siblings = await db.claims.filter((claim) => claim.sectionId === sectionId).toArray();
  await updateClaim(db, claimId, { sectionId, order: nextOrder(siblings) });
}

/** One place up or down within the claim's section. */
export async function moveClaim(
  db: InvestigationDb,
  claimId: string,
  direction: 'up' | 'down',
): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    const claim = await db.claims.get(claimId);
    if (!claim) return;
    const siblings = await db.claims
      .filter((other) => other.sectionId === claim.sectionId)
      .toArray();
    for (const change of moveByOne(siblings.sort(byOrder), claimId, direction)) {
      await updateClaim(db, change.id, { order: change.order });
    }
  });
}

/** Deletes a claim and returns it, so that the caller can offer to undo. */
export async function deleteClaim(db: InvestigationDb, claimId: string): Promise<Claim> {
  return db.transaction('rw', allTables(db), async () => {
    const claim = await db.claims.get(claimId);
    if (!claim) throw new ClaimError('This claim no longer exists.');
    await db.claims.delete(claimId);
    const { id: _id, ...fields } = claim;
    await recordChange(db, 'claims', claimId, 'delete', await withStatusNames(db, fields), null);
    return claim;
  });
}

/** Puts a deleted claim back as it was (the undo of `deleteClaim`). */
export async function restoreClaim(db: InvestigationDb, claim: Claim): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    const statusExists = await db.statuses.get(claim.statusId);
    const sectionExists = claim.sectionId === null || (await db.sections.get(claim.sectionId));
    const restored: Claim = {
      ...claim,
      statusId: statusExists ? claim.statusId : (await db.statuses.orderBy('order').first())!.id,
      sectionId: sectionExists ? claim.sectionId : null,
      updatedAt: Date.now(),
    };
    await db.claims.add(restored);
    const { id: _id, ...fields } = restored;
    await recordChange(db, 'claims', claim.id, 'restore', null, await withStatusNames(db, fields));
  });
}
