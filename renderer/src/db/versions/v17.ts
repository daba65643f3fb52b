import type { EntityTable, Table, Transaction } from 'dexie';
import type { Excerpt, PageText } from '#shared/documents/document';
import { documentText, readingQuote } from '#shared/documents/readingQuote';
import type { SchemaVersion } from './types';

/**
 * Gives every excerpt without one its quote as it reads (`reading`), from its document's stored
 * text: by the upgrade to version 17, and by a restore of an archive written before it.
 */
export async function addQuoteReadings(
  excerpts: Table<Excerpt, string> | EntityTable<Excerpt, 'id'>,
  pageTexts: Table<PageText>,
): Promise<void> {
  const texts = new Map<string, string>();
  const textOf = async (documentId: string) => {
    let text = texts.get(documentId);
    if (text === undefined) {
      text = documentText(await pageTexts.where('documentId').equals(documentId).toArray());
      texts.set(documentId, text);
    }
    return text;
  };
  // Rows of earlier versions, typed as today's.
  const missing = (await excerpts.toArray()).filter(
    (excerpt: Partial<Excerpt>) => typeof excerpt.reading !== 'string',
  );
  for (const excerpt of missing)
    await excerpts.update(excerpt.id, {
      reading: readingQuote(excerpt.quote.exact, await textOf(excerpt.documentId)),
    });
}

/**
 * An excerpt keeps its quote as it reads (`reading`) beside the text as extracted: line breaks as
 * spaces, hyphens at line ends joined only on evidence (shared/documents/readingQuote.ts). The
 * upgrade gives every stored excerpt its reading. Documents get versions: a new version names the
 * one it `supersedes`, and an excerpt not found in a newer version may be `keptOnVersion`
 * (shared/documents/versions.ts): both optional, absent on every earlier row. A new table keeps
 * what each tab was showing (`views`, shared/tabViews.ts), one record per tab, sealed whole.
 */
export const v17: SchemaVersion = {
  version: 17,
  stores: { views: 'id' },
  upgrade: (transaction: Transaction) =>
    addQuoteReadings(
      transaction.table<Excerpt, string>('excerpts'),
      transaction.table<PageText>('pageTexts'),
    ),
};
