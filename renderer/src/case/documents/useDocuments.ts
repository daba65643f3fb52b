import { useLiveQuery } from 'dexie-react-hooks';
import type { Excerpt, PdfDocument } from '#shared/documents/document';
import { versionsOf } from '#shared/documents/versions';
import { useCaseDb } from '../caseDb';
import { orphansOf } from './documentVersions';

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

/** Every excerpt of the investigation. */
export function useAllExcerpts(): Excerpt[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(() => db.excerpts.toArray(), [db]);
}

/**
 * The excerpts of a document's earlier versions not found in it and not kept where they are, each
 * with the text of the page it was cut from (to show beside the new version).
 */
export function useVersionOrphans(
  document: PdfDocument,
): { excerpt: Excerpt; pageText: string; version: number }[] | undefined {
  const db = useCaseDb();
  return useLiveQuery(async () => {
    const orphans = await orphansOf(db, document);
    const chain = versionsOf(await db.documents.toArray(), document);
    return Promise.all(
      orphans.map(async (excerpt) => ({
        excerpt,
        pageText: (await db.pageTexts.get([excerpt.documentId, excerpt.page]))?.text ?? '',
        version: chain.findIndex((version) => version.id === excerpt.documentId) + 1,
      })),
    );
  }, [db, document]);
}
