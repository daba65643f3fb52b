import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PageText, PdfDocument } from '#shared/documents/document';
import type { PageSearchIndex } from '#shared/documents/pageSearch';
import { awaitsOcr } from '#shared/documents/ocr';
import { anchorQuote, type TextSpan } from '#shared/documents/textAnchoring';
import { useWithCase } from '../../case/useCase';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { DocumentDetails } from './DocumentDetails';
import { DocumentOutline } from './DocumentOutline';
import { ExcerptList } from './ExcerptList';
import { VersionOrphans } from './VersionOrphans';
import { OcrPanel } from './OcrPanel';
import { PasswordDialog } from './PasswordDialog';
import { PdfViewer, type PdfViewerHandle, type ViewerSelection } from './PdfViewer';
import { openStoredDocument } from '../../case/documents/documentMutations';
import { addExcerpt } from '../../case/documents/excerptMutations';
import { PdfPasswordNeeded, readerWorker, type PDFDocumentProxy } from '../../case/documents/pdfjs';
import { useExcerpts } from '../../case/documents/useDocuments';

export type ViewTarget = { page: number; query: string; span: TextSpan | null };

export function DocumentView(props: {
  document: PdfDocument;
  /** Its stored pages, in page order (undefined while they are read). */
  pageTexts: PageText[] | undefined;
  /** The search index over every document's pages; this view finds in its own. */
  searchIndex: PageSearchIndex;
  target: ViewTarget | null;
  /** Its versions, oldest first (itself alone when it has one). */
  versions: PdfDocument[];
  onOpenVersion: (id: string) => void;
  onAddVersion: () => void;
}) {
  const withCase = useWithCase();
  const { document, target } = props;
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [askPassword, setAskPassword] = useState(false);
  const [scale, setScale] = useState(1.25);
  const [pageInView, setPageInView] = useState(1);
  const [pageInput, setPageInput] = useState('1');
  const [query, setQuery] = useState(target?.query ?? '');
  const [chosenHit, setChosenHit] = useState<number | null>(null);
  const viewer = useRef<PdfViewerHandle>(null);
  const storedExcerpts = useExcerpts(document.id);
  const excerpts = useMemo(() => storedExcerpts ?? [], [storedExcerpts]);
  const { pageTexts, searchIndex } = props;
  const { error, run } = useAction();

  const load = (typed?: string) =>
    withCase(openStoredDocument, document, typed, readerWorker()).then(setPdf);

  useEffect(() => {
    void run(() =>
      load().catch((failure: unknown) => {
        if (failure instanceof PdfPasswordNeeded) setAskPassword(true);
        else throw failure;
      }),
    );
    // Opened once per document; the viewer keeps the proxy until another document is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document.id]);
  useEffect(() => () => void pdf?.destroy(), [pdf]);

  const storedPages = useMemo(
    () => new Map((pageTexts ?? []).map((page) => [page.page, page] as const)),
    [pageTexts],
  );
  const unread = (pageTexts ?? []).filter(awaitsOcr).length;
  const hits = useMemo(
    () => searchIndex.search(query, 2000, document.id),
    [searchIndex, query, document.id],
  );
  // A search result opens on its own hit, until the user steps to another.
  const targetHit = target?.span
    ? Math.max(
        0,
        hits.findIndex((hit) => hit.page === target.page && hit.span.start === target.span?.start),
      )
    : 0;
  const hitIndex = Math.min(chosenHit ?? targetHit, Math.max(0, hits.length - 1));
  const currentHit = hits[hitIndex] ?? null;

  const orphans = useMemo(() => {
    const texts = new Map((pageTexts ?? []).map((page) => [page.page, page.text]));
    return new Set(
      excerpts
        .filter((excerpt) => {
          const text = texts.get(excerpt.page);
          return (
            text !== undefined &&
            anchorQuote(text, excerpt.quote, excerpt.position, excerpt.reading) === null
          );
        })
        .map((excerpt) => excerpt.id),
    );
  }, [excerpts, pageTexts]);

  const save = (selection: ViewerSelection | null | undefined) =>
    void run(async () => {
      if (!selection) throw new Error('Select text on a page first, or find a passage.');
      await withCase(addExcerpt, document, selection);
      window.getSelection()?.removeAllRanges();
    });

  const step = (direction: 1 | -1) => {
    if (hits.length > 0) setChosenHit((hitIndex + direction + hits.length) % hits.length);
  };
  const onFindKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    step(event.shiftKey ? -1 : 1);
  };

  return (
    <section className="document-view" aria-labelledby="document-title">
      <DocumentDetails
        document={document}
        versions={props.versions}
        onOpenVersion={props.onOpenVersion}
        onAddVersion={props.onAddVersion}
      />
      {pdf && <OcrPanel document={document} pdf={pdf} unread={unread} />}
      <div className="viewer-toolbar" role="toolbar" aria-label="Document tools">
        <button
          type="button"
          aria-label="Zoom out"
          onClick={() => setScale((value) => Math.max(0.5, value - 0.25))}
        >
          −
        </button>
        <span aria-live="polite">{Math.round(scale * 100)}%</span>
        <button
          type="button"
          aria-label="Zoom in"
          onClick={() => setScale((value) => Math.min(3, value + 0.25))}
        >
          +
        </button>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const page = Number(pageInput);
            if (Number.isInteger(page) && page >= 1 && page <= (pdf?.numPages ?? 0))
              viewer.current?.scrollToPage(page);
          }}
        >
          <label htmlFor="go-to-page">Go to page</label>
          <input
            autoComplete="off"
            id="go-to-page"
            type="number"
            min={1}
            max={pdf?.numPages}
            value={pageInput}
            onChange={(event) => setPageInput(event.target.value)}
          />
          <button type="submit">Go</button>
          <span className="hint">
            page {pageInView} of {pdf?.numPages ?? document.pageCount}
          </span>
        </form>
        <label htmlFor="find-in-document">Find in document</label>
        <input
          autoComplete="off"
          id="find-in-document"
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setChosenHit(0);
          }}
          onKeyDown={onFindKey}
        />
        <span aria-live="polite" className="hint">
          {query.trim()
            ? hits.length
              ? `${Math.min(hitIndex, hits.length - 1) + 1} of ${hits.length}`
              : 'no match'
            : ''}
        </span>
        <button type="button" onClick={() => step(-1)} disabled={hits.length === 0}>
          Previous
        </button>
        <button type="button" onClick={() => step(1)} disabled={hits.length === 0}>
          Next
        </button>
        <button
          type="button"
          disabled={!currentHit || !pdf}
          onClick={() =>
            currentHit && save(viewer.current?.spanSelection(currentHit.page, currentHit.span))
          }
        >
          Excerpt this hit
        </button>
        <button
          type="button"
          className="primary"
          disabled={!pdf}
          onClick={() => save(viewer.current?.selection())}
        >
          Create excerpt
        </button>
      </div>
      <ErrorMessage error={error} />
      <div className="document-body">
        {/* Drawn once its stored pages are known: they decide how each text layer is drawn. */}
        {pdf && pageTexts ? (
          <PdfViewer
            ref={viewer}
            pdf={pdf}
            scale={scale}
            query={query}
            currentHit={currentHit}
            excerpts={excerpts.filter((excerpt) => !orphans.has(excerpt.id))}
            storedPages={storedPages}
            onPageInView={setPageInView}
          />
        ) : (
          <p aria-busy="true">Opening {document.fileName}…</p>
        )}
        <div className="document-side">
          {pdf && (
            <DocumentOutline pdf={pdf} onGoTo={(page) => viewer.current?.scrollToPage(page)} />
          )}
          {props.versions.at(-1) === document && props.versions.length > 1 && (
            <VersionOrphans document={document} selection={() => viewer.current?.selection()} />
          )}
          <ExcerptList
            excerpts={excerpts}
            orphans={orphans}
            onOpen={(excerpt) => viewer.current?.scrollToPage(excerpt.page)}
          />
        </div>
      </div>
      {askPassword && (
        <PasswordDialog
          fileName={document.fileName}
          onSubmit={(typed) =>
            load(typed).catch((failure: unknown) => {
              throw failure instanceof PdfPasswordNeeded
                ? new Error('That password is not right.')
                : failure;
            })
          }
          onClose={() => setAskPassword(false)}
        />
      )}
    </section>
  );
}
