/** Changes to an investigation's status vocabulary, each with its audit entry. */
import type { Status } from '#shared/investigation';
import { isHexColor } from '#shared/statusVocabulary';
import { moveByOne, nextOrder } from '#shared/ordering';
import { changedFields, recordChange } from '../../db/audit';
import { newId } from '../../db/databases';
import type { InvestigationDb } from '../../db/schema';
import { updateClaim } from '../claims/claimMutations';

class StatusError extends Error {}

const MAX_RULE_MINIMUM = 1_000;

type StatusFields = Pick<Status, 'name' | 'color' | 'description' | 'publishable' | 'rule'>;

const tables = (db: InvestigationDb) => [db.statuses, db.claims, db.sections, db.audit];

async function checkFields(db: InvestigationDb, fields: Partial<StatusFields>, ownId?: string) {
  if (fields.name !== undefined) {
    const name = fields.name.trim();
    if (!name) throw new StatusError('A status needs a name.');
    const clash = await db.statuses
      .filter((status) => status.id !== ownId && status.name.toLowerCase() === name.toLowerCase())
      .first();
    if (clash) throw new StatusError(`There is already a status named “${clash.name}”.`);
    fields.name = name;
  }
  if (fields.color !== undefined && !isHexColor(fields.color)) {
    throw new StatusError('A colour is written #rrggbb.');
  }
  const { rule } = fields;
  if (rule) {
    for (const minimum of [rule.minSupporting, rule.minOrigins]) {
      if (!Number.isInteger(minimum) || minimum < 0 || minimum > MAX_RULE_MINIMUM)
        throw new StatusError(`A rule’s minimum is a whole number from 0 to ${MAX_RULE_MINIMUM}.`);
    }
    fields.rule = { minSupporting: rule.minSupporting, minOrigins: rule.minOrigins };
  }
}

export async function addStatus(db: InvestigationDb, fields: StatusFields): Promise<Status> {
  return db.transaction('rw', tables(db), async () => {
    const cleaned = { ...fields };
    await checkFields(db, cleaned);
    const status: Status = {
      ...cleaned,
      id: newId(),
      order: nextOrder(await db.statuses.toArray()),
    };
    await db.statuses.add(status);
    await recordChange(db, 'statuses', status.id, 'create', null, cleaned);
    return status;
  });
}

export async function updateStatus(
  db: InvestigationDb,
  statusId: string,
  changes: Partial<StatusFields & Pick<Status, 'order'>>,
): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    const status = await db.statuses.get(statusId);
    if (!status) throw new StatusError('This status no longer exists.');
    const cleaned = { ...changes };
    await checkFields(db, cleaned, statusId);
    const current: Record<string, unknown> = {};
    for (const key of Object.keys(cleaned)) current[key] = status[key as keyof Status];
    const diff = changedFields(current, cleaned);
    if (Object.keys(diff.after).length === 0) return;
    await db.statuses.update(statusId, cleaned);
    await recordChange(db, 'statuses', statusId, 'update', diff.before, diff.after);
  });
}

export async function moveStatus(db: InvestigationDb, statusId: string, direction: 'up' | 'down') {
  await db.transaction('rw', tables(db), async () => {
    for (const change of moveByOne(await db.statuses.toArray(), statusId, direction)) {
      await updateStatus(db, change.id, { order: change.order });
    }
  });
}

/**
 * Deletes a status. When claims still use it they move to `reassignTo`, each with a history entry
 * that says why; without a target the deletion is refused. The last status cannot go.
 */
export async function deleteStatus(
  db: InvestigationDb,
  statusId: string,
  reassignTo?: string,
): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    const status = await db.statuses.get(statusId);
    if (!status) return;
    if ((await db.statuses.count()) === 1)
      throw new StatusError('An investigation needs a status.');
    const inUse = await db.claims.where('statusId').equals(statusId).toArray();
    if (inUse.length > 0) {
      if (!reassignTo || reassignTo === statusId || !(await db.statuses.get(reassignTo))) {
        throw new StatusError(
          `${inUse.length} claim(s) have the status “${status.name}”: choose where they go.`,
        );
      }
      for (const claim of inUse) {
        await updateClaim(
          db,
          claim.id,
          { statusId: reassignTo },
          `Status “${status.name}” was deleted.`,
        );
      }
    }
    await db.statuses.delete(statusId);
    const { id: _id, ...fields } = status;
    await recordChange(db, 'statuses', statusId, 'delete', fields, null);
  });
}
