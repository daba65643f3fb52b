import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry } from '#shared/investigation';
import { useCaseDb } from '../caseDb';

/**
 * A document's history: its own changes (title, origin) and those of its excerpts (added, comment
 * and tags changed, removed), oldest first. Removed excerpts are found by the document their
 * creation named.
 */
export function useDocumentHistory(documentId: string): AuditEntry[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(async () => {
    const own = await db.audit
      .where('[table+recordId]')
      .equals(['documents', documentId])
      .toArray();
    const excerptEntries = await db.audit
      .where('[table+recordId]')
      .between(['excerpts', ''], ['excerpts', '\uffff'])
      .toArray();
    const ofThisDocument = new Set(
      excerptEntries
        .filter((entry) => (entry.after ?? entry.before)?.documentId === documentId)
        .map((entry) => entry.recordId),
    );
    for (const id of await db.excerpts.where('documentId').equals(documentId).primaryKeys())
      ofThisDocument.add(id);
    return [...own, ...excerptEntries.filter((entry) => ofThisDocument.has(entry.recordId))].sort(
      (a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0),
    );
  }, [db, documentId]);
}
