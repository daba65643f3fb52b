import type { Investigation } from '#shared/investigation';
import type { SampleInvestigation } from '#shared/sampleInvestigation';
import { exclusiveAcrossTabs } from '../../db/crossTabWork';
import { createKeys, indexDb, investigationDb, newId } from '../../db/databases';
import { addClaim, updateClaim } from '../../case/claims/claimMutations';
import { addSection } from '../../case/claims/sectionMutations';

export const MAX_NAME_LENGTH = 200;

class InvestigationError extends Error {}

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
  // The keys first: a row without them would name a database nobody can read. Held meanwhile, so
  // that a tab starting now does not take the keys for orphans (see recoverLockPasses).
  await exclusiveAcrossTabs(investigation.id, async () => {
    await createKeys(investigation);
    await indexDb.investigations.add(investigation);
  });
  // Opening creates the database with its default statuses (see schema.ts, `populate`).
  await investigationDb(investigation).open();
  return investigation;
}

/** Deletes an investigation: its row, keys and databases (finished at the next start if cut short). */
export { deleteInvestigation } from '../../db/investigationIndex';

export async function renameInvestigation(id: string, name: string): Promise<void> {
  await indexDb.investigations.update(id, { name: cleanName(name), updatedAt: Date.now() });
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
