import { useLiveQuery } from 'dexie-react-hooks';
import type { Excerpt, PageText, PdfDocument } from '../../../../shared/documents/document';
import type { InvestigationDb } from '../../db/schema';

export const useDocuments = (db: InvestigationDb): PdfDocument[] | undefined =>
  useLiveQuery(() => db.documents.orderBy('addedAt').toArray(), [db]);

export const useExcerpts = (db: InvestigationDb, documentId: string): Excerpt[] | undefined =>
  useLiveQuery(
    () => db.excerpts.where('documentId').equals(documentId).sortBy('page'),
    [db, documentId],
  );

export const usePageTexts = (db: InvestigationDb, documentId: string): PageText[] | undefined =>
  useLiveQuery(
    () => db.pageTexts.where('documentId').equals(documentId).sortBy('page'),
    [db, documentId],
  );
