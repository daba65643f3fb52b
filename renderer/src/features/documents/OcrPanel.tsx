import { useEffect, useRef, useState } from 'react';
import type { PdfDocument } from '#shared/documents/document';
import { BUILT_IN_OCR_LANGUAGE } from '#shared/documents/ocrLanguage';
import { useWithCase } from '../../case/useCase';
import { recogniseDocument, type OcrProgress } from '../../case/documents/ocrDocument';
import { OcrStopped } from '../../case/documents/ocrEngine';
import { ocrLanguages, useOcrLanguageFiles } from '../../case/documents/ocrLanguages';
import type { PDFDocumentProxy } from '../../case/documents/pdfjs';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { plural } from '../../ui/formatting';
import { useAction } from '../../ui/useAction';

/**
 * Text recognition for a document's pages without text (a scan): the languages to read, then the
 * run, page by page, with its progress and Stop. Once read, says how, and how sure the engine was.
 */
export function OcrPanel(props: { document: PdfDocument; pdf: PDFDocumentProxy; unread: number }) {
  const { document, pdf, unread } = props;
  const withCase = useWithCase();
  const files = useOcrLanguageFiles();
  const [chosen, setChosen] = useState<string[]>([BUILT_IN_OCR_LANGUAGE]);
  const [progress, setProgress] = useState<OcrProgress | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);
  const { error, run } = useAction();

  // Leaving the document stops the run; the pages read so far are kept.
  useEffect(() => () => running.current?.abort(), [document.id]);

  const toggle = (code: string, on: boolean) =>
    setChosen((current) =>
      on
        ? [...current.filter((entry) => entry !== code), code]
        : current.filter((entry) => entry !== code),
    );

  const start = () =>
    void run(async () => {
      setNotice(null);
      const controller = new AbortController();
      running.current = controller;
      setProgress({ done: 0, pages: unread, fraction: 0 });
      try {
        const read = await withCase(recogniseDocument, document, pdf, await ocrLanguages(chosen), {
          signal: controller.signal,
          onProgress: setProgress,
        });
        setNotice(
          `Read ${plural(read.pages, 'page', 'pages')} by OCR: mean confidence ${read.confidence} %.`,
        );
      } catch (failure) {
        if (!(failure instanceof OcrStopped)) throw failure;
        setNotice('Stopped. The pages read so far are kept; the rest can be read later.');
      } finally {
        running.current = null;
        setProgress(null);
      }
    });

  const languages = [
    { code: BUILT_IN_OCR_LANGUAGE, label: 'English (built in)' },
    ...(files ?? []).map((file) => ({ code: file.code, label: `${file.code} (${file.fileName})` })),
  ];

  // A document with text of its own has nothing to read (the panel stays mounted while a run ends).
  if (unread === 0 && !document.ocr && !progress && !notice && !error) return null;
  return (
    <section className="ocr-panel" aria-labelledby="ocr-title">
      <h4 id="ocr-title">Text recognition (OCR)</h4>
      {document.ocr && (
        <p className="hint small">
          Text of {plural(document.ocr.pages, 'scanned page', 'scanned pages')} read by OCR (
          {document.ocr.languages.join(' + ')}): mean confidence {document.ocr.confidence} %.
          Excerpts from it say so; check their words against the page image.
        </p>
      )}
      {unread > 0 && !progress && (
        <>
          <p className="hint small">
            {plural(unread, 'page has', 'pages have')} no text of {unread === 1 ? 'its' : 'their'}{' '}
            own: a scan? Read {unread === 1 ? 'it' : 'them'} by OCR to search and excerpt{' '}
            {unread === 1 ? 'it' : 'them'}.
          </p>
          <fieldset className="ocr-languages">
            <legend>Languages on the page</legend>
            {languages.map((language) => (
              <label key={language.code}>
                <input
                  autoComplete="off"
                  type="checkbox"
                  checked={chosen.includes(language.code)}
                  onChange={(event) => toggle(language.code, event.target.checked)}
                />
                {language.label}
              </label>
            ))}
            <span className="hint small">Other languages: add their data in Settings.</span>
          </fieldset>
          <button type="button" className="primary" disabled={chosen.length === 0} onClick={start}>
            Read {plural(unread, 'page', 'pages')} by OCR
          </button>
        </>
      )}
      {progress && (
        <div role="status" className="engine-progress">
          <p>
            Reading page {Math.min(progress.done + 1, progress.pages)} of {progress.pages} by OCR…
          </p>
          <progress
            aria-label="Text recognition"
            max={progress.pages}
            value={progress.done + progress.fraction}
          />
          <button type="button" onClick={() => running.current?.abort()}>
            Stop reading
          </button>
        </div>
      )}
      {notice && (
        <p role="status" className="hint small">
          {notice}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
