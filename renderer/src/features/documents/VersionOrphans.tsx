import { useEffect, useRef } from 'react';
import type { PdfDocument } from '#shared/documents/document';
import { quoteLine } from '#shared/documents/document';
import { anchorQuote } from '#shared/documents/textAnchoring';
import { keepOnVersion, reanchorExcerpt } from '../../case/documents/documentVersions';
import { useVersionOrphans } from '../../case/documents/useDocuments';
import { useWithCase } from '../../case/useCase';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';
import type { ViewerSelection } from './PdfViewer';

/**
 * The page an orphaned excerpt was cut from, as text, its quote marked where it still is and
 * scrolled to within the box.
 */
function OldPage(props: { text: string; quote: Parameters<typeof anchorQuote>[1] }) {
  const box = useRef<HTMLPreElement>(null);
  const span = anchorQuote(props.text, props.quote);
  useEffect(() => {
    const mark = box.current?.querySelector('mark');
    if (box.current && mark) box.current.scrollTop = Math.max(0, mark.offsetTop - 32);
  }, [span?.start]);
  if (!span) return <pre className="old-page">{props.text}</pre>;
  return (
    <pre className="old-page" ref={box}>
      {props.text.slice(0, span.start)}
      <mark>{props.text.slice(span.start, span.end)}</mark>
      {props.text.slice(span.end)}
    </pre>
  );
}

/**
 * Excerpts of the document's earlier versions whose passage is not in this one: each with the old
 * page beside the new one in view, to re-anchor on a passage selected again here, or to keep on the
 * version it was cut from.
 */
export function VersionOrphans(props: {
  document: PdfDocument;
  selection: () => ViewerSelection | null | undefined;
}) {
  const withCase = useWithCase();
  const orphans = useVersionOrphans(props.document);
  const { error, run } = useAction();
  if (!orphans?.length) return null;
  return (
    <section className="version-orphans" aria-labelledby="version-orphans-title">
      <h3 id="version-orphans-title">Not found in this version ({orphans.length})</h3>
      <p className="hint small">
        Select the passage again on this version’s page and re-anchor the excerpt to it, or keep the
        excerpt on the version it was cut from.
      </p>
      <ErrorMessage error={error} />
      <ul aria-label="Excerpts not found in this version">
        {orphans.map(({ excerpt, pageText, version }) => (
          <li key={excerpt.id}>
            <p>
              <q>{quoteLine(excerpt)}</q>{' '}
              <span className="small">
                (version {version}, page {excerpt.page})
              </span>
            </p>
            <details open>
              <summary>
                Version {version}, page {excerpt.page}
              </summary>
              <OldPage text={pageText} quote={excerpt.quote} />
            </details>
            <div className="actions">
              <button
                type="button"
                aria-label={`Re-anchor “${quoteLine(excerpt, 60)}” to the selection`}
                onClick={() =>
                  void run(async () => {
                    const selection = props.selection();
                    if (!selection)
                      throw new Error('Select the passage on this version’s page first.');
                    await withCase(reanchorExcerpt, excerpt.id, props.document, selection);
                    window.getSelection()?.removeAllRanges();
                  })
                }
              >
                Re-anchor to the selection
              </button>
              <button
                type="button"
                aria-label={`Keep “${quoteLine(excerpt, 60)}” on version ${version}`}
                onClick={() => void run(() => withCase(keepOnVersion, excerpt.id))}
              >
                Keep on version {version}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
