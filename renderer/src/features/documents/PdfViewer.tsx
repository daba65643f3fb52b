import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { pdfRectFromViewport, type Transform } from '#shared/documents/coordinates';
import type { Excerpt, PdfRect } from '#shared/documents/document';
import { anchorQuote, findAll, type TextSpan } from '#shared/documents/textAnchoring';
import { drawingTurns, PdfPage, type RenderedPage } from './PdfPage';
import type { PDFDocumentProxy, StoredPageText } from '../../case/documents/pdfjs';
import { offsetOf, rangeFor, trimSpan } from './textLayerIndex';
import './pdfViewer.css';

export type ViewerSelection = { page: number; span: TextSpan; pageText: string; rects: PdfRect[] };

export type PdfViewerHandle = {
  scrollToPage: (page: number) => void;
  /** The user's text selection on one page, as offsets into that page's text and PDF rectangles. */
  selection: () => ViewerSelection | null;
  /** A span of a rendered page, as an excerpt would store it. */
  spanSelection: (page: number, span: TextSpan) => ViewerSelection | null;
};

function pdfRects(range: Range, page: RenderedPage): PdfRect[] {
  const origin = page.element.getBoundingClientRect();
  return [...range.getClientRects()]
    .filter((rect) => rect.width > 0 && rect.height > 0)
    .map((rect) =>
      pdfRectFromViewport(
        {
          left: rect.left - origin.left,
          top: rect.top - origin.top,
          width: rect.width,
          height: rect.height,
        },
        page.transform as unknown as Transform,
      ),
    );
}

/**
 * Shows a PDF as a continuous scroll of pages, drawing only those near the viewport. Knows nothing
 * of the database: the document, the find query and the excerpts come in as props.
 */
export function PdfViewer({
  ref,
  ...props
}: {
  pdf: PDFDocumentProxy;
  scale: number;
  query: string;
  currentHit: { page: number; span: TextSpan } | null;
  excerpts: Excerpt[];
  /** The stored text of each page, by number: how its text layer is drawn. */
  storedPages?: ReadonlyMap<number, StoredPageText>;
  onPageInView: (page: number) => void;
  ref: Ref<PdfViewerHandle>;
}) {
  const { pdf, scale, query, currentHit, excerpts, storedPages, onPageInView } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const rendered = useRef(new Map<number, RenderedPage>());
  const [baseSize, setBaseSize] = useState<{ width: number; height: number } | null>(null);
  const [visible, setVisible] = useState<Set<number>>(() => new Set([1]));
  const [renderCount, setRenderCount] = useState(0);
  // One queue for the viewer's life: a page taken off screen gives its turn back at once.
  const [takeTurn] = useState(drawingTurns);

  useEffect(() => {
    let live = true;
    void pdf.getPage(1).then((page) => {
      const viewport = page.getViewport({ scale });
      if (live) setBaseSize({ width: viewport.width, height: viewport.height });
    });
    return () => {
      live = false;
    };
  }, [pdf, scale]);

  // Pages within a screen or two of the viewport are drawn; the rest are released.
  useEffect(() => {
    const root = scroller.current;
    if (!root || !baseSize) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        setVisible((current) => {
          const next = new Set(current);
          for (const entry of entries) {
            const page = Number((entry.target as HTMLElement).dataset.page);
            if (entry.isIntersecting) next.add(page);
            else next.delete(page);
          }
          return next;
        });
      },
      { root, rootMargin: '150% 0px' },
    );
    root.querySelectorAll('.pdf-page').forEach((element) => observer.observe(element));
    return () => observer.disconnect();
  }, [baseSize, pdf]);

  // The page in view is the one under the line a third of the way down, where a find hit is
  // brought to (the page at the top edge may show only its last lines).
  const onScroll = () => {
    const root = scroller.current;
    if (!root || !baseSize) return;
    const line = root.scrollTop + root.clientHeight / 3;
    onPageInView(Math.min(pdf.numPages, Math.floor(line / (baseSize.height + 12)) + 1));
  };

  const onRendered = useCallback((page: number, details: RenderedPage) => {
    rendered.current.set(page, details);
    setRenderCount((count) => count + 1);
  }, []);
  const onReleased = useCallback((page: number) => {
    rendered.current.delete(page);
  }, []);

  // Find hits, the current hit and the excerpts, drawn over every rendered page's text layer.
  useEffect(() => {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const hits: Range[] = [];
    const excerptRanges: Range[] = [];
    let current: Range | null = null;
    for (const [page, { index }] of rendered.current) {
      if (query.trim()) {
        for (const span of findAll(index.text, query)) {
          const range = rangeFor(index, span);
          if (!range) continue;
          if (currentHit?.page === page && currentHit.span.start === span.start) current = range;
          else hits.push(range);
        }
      }
      for (const excerpt of excerpts.filter((candidate) => candidate.page === page)) {
        const span = anchorQuote(index.text, excerpt.quote, excerpt.position, excerpt.reading);
        const range = span && rangeFor(index, span);
        if (range) excerptRanges.push(range);
      }
    }
    CSS.highlights.set('waybill-hit', new Highlight(...hits));
    CSS.highlights.set('waybill-excerpt', new Highlight(...excerptRanges));
    if (current) CSS.highlights.set('waybill-current-hit', new Highlight(current));
    else CSS.highlights.delete('waybill-current-hit');
  }, [query, currentHit, excerpts, renderCount]);

  useEffect(
    () => () => {
      for (const name of ['waybill-hit', 'waybill-current-hit', 'waybill-excerpt'])
        CSS.highlights.delete(name);
    },
    [],
  );

  const scrollToPage = useCallback((page: number) => {
    const element = scroller.current?.querySelector<HTMLElement>(`[data-page="${page}"]`);
    if (element && scroller.current) scroller.current.scrollTop = element.offsetTop - 12;
  }, []);

  // The current hit is brought into view once its page is drawn.
  useEffect(() => {
    if (!currentHit) return;
    const page = rendered.current.get(currentHit.page);
    if (!page) {
      scrollToPage(currentHit.page);
      return;
    }
    const range = rangeFor(page.index, currentHit.span);
    const root = scroller.current;
    if (!range || !root) return;
    const box = range.getBoundingClientRect();
    const view = root.getBoundingClientRect();
    if (box.top < view.top || box.bottom > view.bottom)
      root.scrollTop += box.top - view.top - view.height / 3;
  }, [currentHit, renderCount, scrollToPage]);

  useImperativeHandle(
    ref,
    () => ({
      scrollToPage,
      spanSelection: (page, span) => {
        const details = rendered.current.get(page);
        const range = details && rangeFor(details.index, span);
        return details && range
          ? { page, span, pageText: details.index.text, rects: pdfRects(range, details) }
          : null;
      },
      selection: () => {
        const selection = window.getSelection();
        if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
        const range = selection.getRangeAt(0);
        const element = (range.startContainer.parentElement ?? null)?.closest<HTMLElement>(
          '.pdf-page',
        );
        const page = Number(element?.dataset.page);
        const details = rendered.current.get(page);
        if (!details) return null;
        const endsHere = details.element.contains(range.endContainer);
        const span = trimSpan(details.index.text, {
          start: offsetOf(details.index, range.startContainer, range.startOffset),
          end: endsHere
            ? offsetOf(details.index, range.endContainer, range.endOffset)
            : details.index.text.length,
        });
        if (span.end <= span.start) return null;
        const clipped = rangeFor(details.index, span) ?? range;
        return { page, span, pageText: details.index.text, rects: pdfRects(clipped, details) };
      },
    }),
    [scrollToPage],
  );

  return (
    <div
      ref={scroller}
      className="pdf-scroller"
      onScroll={onScroll}
      tabIndex={0}
      aria-label="Document pages"
    >
      {baseSize &&
        Array.from({ length: pdf.numPages }, (_, index) => index + 1).map((page) => (
          <PdfPage
            key={page}
            pdf={pdf}
            pageNumber={page}
            scale={scale}
            size={baseSize}
            visible={visible.has(page)}
            stored={storedPages?.get(page)}
            takeTurn={takeTurn}
            onRendered={onRendered}
            onReleased={onReleased}
          />
        ))}
    </div>
  );
}
