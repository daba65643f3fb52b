/**
 * The index of investigations and the databases it names, over their whole life: deleting a case
 * (marked first, removed last), and finishing at start-up what a crash or a closed window cut short
 * (deletions, restores, in-place replacements). Used by the page and by the archive worker alike.
 */
import type { Investigation } from '#shared/investigation';
import { ifNoTabWorksOn } from './crossTabWork';
import { deleteInvestigationDb, discardDatabase, indexDb } from './databases';

/**
 * Deletes an investigation and its database. The index row is marked first and removed last, so a
 * deletion cut short (a crash, a closed window) is finished at the next start, never left half done.
 */
export async function deleteInvestigation(id: string): Promise<void> {
  const row = await indexDb.investigations.get(id);
  await indexDb.investigations.update(id, { deleting: true });
  await deleteInvestigationDb(row ?? { id });
  await indexDb.investigations.delete(id);
}

/** Finishes deletions that were interrupted; run once at start-up. */
export async function finishInterruptedDeletions(): Promise<number> {
  const pending = await indexDb.investigations.filter((row) => row.deleting === true).toArray();
  for (const row of pending) await deleteInvestigation(row.id);
  return pending.length;
}

/**
 * Removes what restores cut short left behind (a restore writes into a new investigation that stays
 * hidden until its last step); returns the names of the archives' investigations, to say so.
 */
export async function removeInterruptedRestores(): Promise<string[]> {
  const removed: string[] = [];
  // A restore running in another tab holds its investigation's lock: it is not cut short.
  for (const row of await indexDb.investigations
    .filter((row) => row.restoring === true)
    .toArray()) {
    if (await ifNoTabWorksOn(row.id, () => deleteInvestigation(row.id))) removed.push(row.name);
  }
  // A restore in place whose switch was written is complete: only the replaced databases remain.
  const replaced = await indexDb.investigations.filter((row) => !!row.replacedDatabase).toArray();
  for (const row of replaced)
    await ifNoTabWorksOn(row.id, async () => void (await finishReplacement(row)));
  return removed;
}

/** Deletes the databases an in-place restore replaced; run again at start-up if cut short. */
export async function finishReplacement(row: Investigation): Promise<Investigation> {
  const { replacedDatabase, ...rest } = row;
  if (replacedDatabase) {
    await discardDatabase(replacedDatabase);
    await indexDb.investigations.update(row.id, { replacedDatabase: undefined });
  }
  return rest;
}
