import { useEffect, useRef, useState } from 'react';
import {
  pageTextContent,
  pdfjs,
  type PDFDocumentProxy,
  type PDFPageProxy,
  type StoredPageText,
} from '../../case/documents/pdfjs';
import { indexTextLayer, type TextLayerIndex } from './textLayerIndex';
import { followSelection } from './textLayerSelection';

export type RenderedPage = { index: TextLayerIndex; transform: number[]; element: HTMLElement };

/** A page's turn to draw: `ready` once the pages that asked before it are drawn; `done` ends it. */
export type DrawingTurn = { ready: Promise<void>; done: () => void };

/**
 * Pages drawn one at a time, in the order they come into view, a frame apart: the page being looked
 * at does not share pdf.js's worker and the main thread with the neighbours drawn ahead of the
 * scroll, and it is on screen before the next one starts.
 */
export function drawingTurns(): () => DrawingTurn {
  let last: Promise<void> = Promise.resolve();
  const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  return () => {
    let done = () => undefined as void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const ready = last;
    last = last.then(() => finished).then(nextFrame);
    return { ready, done };
  };
}

/**
 * One page: a placeholder of the right size, drawn (canvas and text layer) only while `visible`, and
 * released again when it scrolls away, so that memory stays bounded on a 300-page report.
 */
export function PdfPage(props: {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  scale: number;
  size: { width: number; height: number };
  visible: boolean;
  /** The page's stored text: how its text layer is drawn (a scan's OCR words are that layer). */
  stored?: StoredPageText;
  /** Asks for this page's turn to draw (`drawingTurns`). */
  takeTurn: () => DrawingTurn;
  onRendered: (pageNumber: number, page: RenderedPage) => void;
  onReleased: (pageNumber: number) => void;
}) {
  const { pdf, pageNumber, scale, visible, stored, takeTurn, onRendered, onReleased } = props;
  const [drawn, setDrawn] = useState(false);
  const [failed, setFailed] = useState(false);
  const layerKind = stored?.ocr
    ? `OCR ${stored.ocr.words.length} ${stored.ocr.confidence}`
    : !stored || stored.text.includes('\u00AD')
      ? 'with soft hyphens'
      : 'as pdf.js gives it';
  const pageRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const container = textRef.current;
    if (!visible || !canvas || !container) return undefined;
    let cancelled = false;
    let renderTask: { cancel: () => void; promise: Promise<void> } | null = null;
    let textLayer: InstanceType<typeof pdfjs.TextLayer> | null = null;
    let loaded: PDFPageProxy | null = null;
    let stopFollowing: (() => void) | null = null;
    const turn = takeTurn();
    void (async () => {
      await turn.ready;
      if (cancelled) return;
      const page = await pdf.getPage(pageNumber);
      loaded = page;
      if (cancelled) return;
      const viewport = page.getViewport({ scale });
      const element = pageRef.current;
      if (!element) return;
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      const context = canvas.getContext('2d');
      if (!context) return;
      renderTask = page.render({
        canvas,
        canvasContext: context,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      container.replaceChildren();
      textLayer = new pdfjs.TextLayer({
        textContentSource: await pageTextContent(page, stored),
        container,
        viewport,
      });
      // The text layer is ready before the canvas is painted: selection, find and excerpts need only it.
      await textLayer.render();
      if (cancelled) return;
      stopFollowing = followSelection(container);
      onRendered(pageNumber, {
        index: indexTextLayer(container),
        transform: viewport.transform,
        element,
      });
      await renderTask.promise;
      if (!cancelled) setDrawn(true);
    })()
      .catch((error: unknown) => {
        if ((error as { name?: string }).name === 'RenderingCancelledException') return;
        console.error(error);
        if (!cancelled) setFailed(true);
      })
      .finally(turn.done);
    return () => {
      cancelled = true;
      turn.done();
      setDrawn(false);
      setFailed(false);
      renderTask?.cancel();
      textLayer?.cancel();
      stopFollowing?.();
      // pdf.js keeps a drawn page's operator list and objects until told: a page out of view lets go.
      loaded?.cleanup();
      container.replaceChildren();
      // Zero-size canvases give their pixel memory back at once.
      canvas.width = 0;
      canvas.height = 0;
      onReleased(pageNumber);
    };
    // Drawn again when its kind of text layer changes, not whenever the stored record is read anew.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pdf, pageNumber, scale, visible, layerKind, takeTurn, onRendered, onReleased]);

  return (
    <div
      ref={pageRef}
      className="pdf-page"
      data-page={pageNumber}
      aria-label={stored?.ocr ? `Page ${pageNumber}, text read by OCR` : `Page ${pageNumber}`}
      role="region"
      aria-busy={visible && !drawn && !failed}
      style={{
        width: props.size.width,
        height: props.size.height,
        ['--scale-factor' as string]: scale,
      }}
    >
      <canvas ref={canvasRef} aria-hidden="true" />
      <div ref={textRef} className="textLayer" />
      {failed && (
        <p className="pdf-page-failure" role="alert">
          Page {pageNumber} could not be drawn: this part of the file is damaged.
        </p>
      )}
    </div>
  );
}
