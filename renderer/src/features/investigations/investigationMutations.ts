import type { Investigation } from '../../../../shared/investigation';
import type { SampleInvestigation } from '../../../../shared/sampleInvestigation';
import { ifNoTabWorksOn } from '../../db/crossTabWork';
import {
  deleteDatabase,
  deleteInvestigationDb,
  indexDb,
  investigationDb,
  newId,
} from '../../db/databases';
import { addClaim, updateClaim } from '../claims/claimMutations';
import { addSection } from '../claims/sectionMutations';

export const MAX_NAME_LENGTH = 200;

export class InvestigationError extends Error {}

function cleanName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw new InvestigationError('An investigation needs a name.');
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw new InvestigationError(`A name can hold at most ${MAX_NAME_LENGTH} characters.`);
  }
  return trimmed;
}

export async function createInvestigation(
  name: string,
  options: { synthetic?: boolean; notice?: string } = {},
): Promise<Investigation> {
  const now = Date.now();
  const investigation: Investigation = {
    id: newId(),
    name: cleanName(name),
    createdAt: now,
    updatedAt: now,
    synthetic: options.synthetic ?? false,
    ...(options.notice ? { notice: options.notice } : {}),
  };
  await indexDb.investigations.add(investigation);
  // Opening creates the database with its default statuses (see schema.ts, `populate`).
  await investigationDb(investigation).open();
  return investigation;
}

export async function renameInvestigation(id: string, name: string): Promise<void> {
  await indexDb.investigations.update(id, { name: cleanName(name), updatedAt: Date.now() });
}

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
    await deleteDatabase(replacedDatabase, false);
    await deleteDatabase(replacedDatabase, true);
    await indexDb.investigations.update(row.id, { replacedDatabase: undefined });
  }
  return rest;
}

/** Creates the sample investigation from its (validated) source file. */
export async function createSampleInvestigation(
  sample: SampleInvestigation,
): Promise<Investigation> {
  const investigation = await createInvestigation(sample.name, {
    synthetic: true,
    notice: sample.notice,
  });
  const db = investigationDb(investigation);
  const statuses = await db.statuses.toArray();
  await db.transaction('rw', [db.claims, db.sections, db.statuses, db.audit], async () => {
    for (const sampleSection of sample.sections) {
      const section = await addSection(db, sampleSection.name);
      for (const sampleClaim of sampleSection.claims) {
        const claim = await addClaim(db, {
          text: sampleClaim.text,
          sectionId: section.id,
          tags: sampleClaim.tags,
        });
        const status = statuses.find((candidate) => candidate.name === sampleClaim.status);
        if (!status)
          throw new InvestigationError(`The sample names an unknown status: ${sampleClaim.status}`);
        await updateClaim(db, claim.id, { statusId: status.id }, sampleClaim.reason);
      }
    }
  });
  return investigation;
}
