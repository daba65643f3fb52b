/**
 * "Not this person": the user's decisions on parts of a hidden source's name that the name check
 * found (shared/redaction/nameCheck.ts), kept in the audit log. Each entry's record id is a fresh id,
 * so the log's clear index says nothing; the decision itself is sealed with the entry.
 */
import { confidentialLabels } from '#shared/dossier/redaction';
import { exportTexts } from '#shared/redaction/exportText';
import {
  checkedForms,
  checkNames,
  type LocatedText,
  type NameCheckResult,
  type NameHit,
} from '#shared/redaction/nameCheck';
import { recordChange } from '../../db/audit';
import { newId } from '../../db/databases';
import type { InvestigationDb } from '../../db/schema';

const TABLE = 'nameChecks';

/** The keys of every hit the user has cleared. */
export async function clearedNameKeys(db: InvestigationDb): Promise<Set<string>> {
  const entries = await db.audit
    .where('[table+recordId]')
    .between([TABLE, ''], [TABLE, '\uffff'])
    .toArray();
  return new Set(
    entries.flatMap((entry) => (typeof entry.after?.key === 'string' ? [entry.after.key] : [])),
  );
}

/** Records that each hit is not the source it looks like; a declared form cannot be cleared. */
export async function clearNameHits(db: InvestigationDb, hits: readonly NameHit[]): Promise<void> {
  if (hits.some((hit) => hit.form.declared))
    throw new Error('A declared form of a source’s name cannot be cleared: change the text.');
  await db.transaction('rw', [db.audit], async () => {
    for (const hit of hits)
      await recordChange(db, TABLE, newId(), 'create', null, {
        key: hit.key,
        decision: 'not this person',
        source: hit.form.label,
        where: hit.where,
        context: hit.context,
      });
  });
}

/**
 * The name check of a file that is not a dossier (a CSV of rejected rows): confidential sources
 * only, as in the full profile, with what the user has cleared.
 */
export async function checkFileForNames(
  db: InvestigationDb,
  file: { name: string; bytes: Uint8Array },
  located: readonly LocatedText[],
): Promise<NameCheckResult> {
  const sources = await db.sources.toArray();
  const forms = checkedForms(sources, 'full', confidentialLabels(sources));
  return checkNames(located, exportTexts(file.name, file.bytes), forms, await clearedNameKeys(db));
}
