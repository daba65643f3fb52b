import { describe, expect, it } from 'vitest';
import type { PageText, PdfDocument } from '../../shared/documents/document';
import { quoteSelector } from '../../shared/documents/textAnchoring';
import {
  findInVersion,
  newestVersions,
  versionLabel,
  versionsOf,
} from '../../shared/documents/versions';
import { documentRecord } from './db/documentRecord';

const version = (id: string, supersedes?: string): PdfDocument => ({
  ...documentRecord(id, 'Notice'),
  ...(supersedes ? { supersedes } : {}),
});

describe('versions of a document', () => {
  const documents = [version('v2', 'v1'), version('other'), version('v1'), version('v3', 'v2')];

  it('are chained oldest first from any of them; the list shows the newest alone', () => {
    for (const id of ['v1', 'v2', 'v3'])
      expect(
        versionsOf(
          documents,
          documents.find((entry) => entry.id === id)!,
        ).map((entry) => entry.id),
      ).toEqual(['v1', 'v2', 'v3']);
    expect(newestVersions(documents).map((entry) => entry.id)).toEqual(['other', 'v3']);
    expect(versionLabel(documents, documents[0])).toBe('version 2 of 3');
    expect(versionLabel(documents, documents[1])).toBeNull();
  });

  it('survive a chain that loops (a forged archive) without hanging', () => {
    const loop = [version('a', 'b'), version('b', 'a')];
    expect(
      versionsOf(loop, loop[0])
        .map((entry) => entry.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });
});

describe('finding an excerpt again in a new version', () => {
  const old = 'Item 1 is amended.\nThe plant keeps its designa-\ntion until the review ends.';
  const span = { start: old.indexOf('The plant'), end: old.indexOf('ends.') + 5 };
  const excerpt = {
    page: 1,
    quote: quoteSelector(old, span),
    position: span,
    reading: 'The plant keeps its designation until the review ends.',
  };
  const page = (number: number, text: string): PageText => ({
    documentId: 'v2',
    page: number,
    text,
  });

  it('finds it on its page where lines moved, by its quote and context', () => {
    const moved = `Corrected.\n${old}`;
    expect(findInVersion(excerpt, [page(1, moved)])).toEqual({
      page: 1,
      span: { start: span.start + 11, end: span.end + 11 },
    });
  });

  it('finds it on another page, and across new line breaks by the quote as it reads', () => {
    const rebroken = 'Reasons.\nThe plant keeps its designation until the\nreview ends.';
    const found = findInVersion(excerpt, [page(1, 'Item 1 is withdrawn.'), page(2, rebroken)]);
    expect(found?.page).toBe(2);
    expect(found && rebroken.slice(found.span.start, found.span.end)).toBe(
      'The plant keeps its designation until the\nreview ends.',
    );
  });

  it('gives nothing where the passage changed: the excerpt is orphaned', () => {
    expect(
      findInVersion(excerpt, [page(1, 'The plant loses its designation when the review ends.')]),
    ).toBeNull();
  });
});
