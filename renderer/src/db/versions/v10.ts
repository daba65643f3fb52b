import type { EntityTable, Table, Transaction } from 'dexie';
import type { Status } from '#shared/investigation';
import { CORROBORATED_RULE } from '#shared/statusVocabulary';
import type { SchemaVersion } from './types';

/**
 * Gives the status named *Corroborated* (as the default vocabulary names it, in any case) the rule
 * its description states, two independent origins, unless it has a rule already.
 */
export async function backfillStatusRules(
  statuses: Table<Status, string> | EntityTable<Status, 'id'>,
): Promise<void> {
  await statuses.toCollection().modify((status) => {
    if (!status.rule && status.name.trim().toLowerCase() === 'corroborated')
      status.rule = { ...CORROBORATED_RULE };
  });
}

/**
 * A status can carry a rule (Status.rule): what a claim's evidence must hold to carry it. No index
 * changes; the upgrade gives *Corroborated* its two independent origins.
 */
export const v10: SchemaVersion = {
  version: 10,
  stores: {},
  upgrade: (transaction: Transaction) => backfillStatusRules(transaction.table('statuses')),
};
