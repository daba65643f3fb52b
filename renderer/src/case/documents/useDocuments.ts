import { useLiveQuery } from 'dexie-react-hooks';
import type { Excerpt, PageText, PdfDocument } from '#shared/documents/document';
import { useCaseDb } from '../caseDb';

export function useDocuments(): PdfDocument[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(() => db.documents.orderBy('addedAt').toArray(), [db]);
}

export function useExcerpts(documentId: string): Excerpt[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(
    () => db.excerpts.where('documentId').equals(documentId).sortBy('page'),
    [db, documentId],
  );
}

export function usePageTexts(documentId: string): PageText[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(
    () => db.pageTexts.where('documentId').equals(documentId).sortBy('page'),
    [db, documentId],
  );
}

/** Every excerpt of the investigation. */
export function useAllExcerpts(): Excerpt[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(() => db.excerpts.toArray(), [db]);
}
