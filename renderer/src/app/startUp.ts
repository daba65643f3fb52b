import { finishInterruptedDeletions, removeInterruptedRestores } from '../db/investigationIndex';
import { recoverLockPasses } from '../features/lock/lockMutations';
import { loadUserName } from '../case/investigations/userName';

/**
 * What the app does before any case opens, one step after the other (“Your name” read first; each holds an
 * investigation's cross-tab work claim while it looks at it): deletions cut short are finished,
 * restores cut short removed, sealing passes and lock changes cut short recovered. Returns the
 * names of the restores and passes it had to undo, for the home page to say so.
 */
export async function startUp(): Promise<{ restores: string[]; passes: string[] }> {
  await loadUserName();
  await finishInterruptedDeletions();
  const restores = await removeInterruptedRestores();
  const passes = await recoverLockPasses();
  return { restores, passes };
}
