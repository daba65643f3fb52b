import type { PdfDocument } from '#shared/documents/document';
import { plural } from '../../ui/formatting';

const textState = (document: PdfDocument) =>
  document.textStatus === 'extracting'
    ? `extracting text: ${document.pagesExtracted} of ${plural(document.pageCount, 'page', 'pages')}`
    : document.textStatus === 'no-text'
      ? 'no text: scanned?'
      : plural(document.pageCount, 'page', 'pages');

export function DocumentList(props: {
  documents: PdfDocument[] | undefined;
  openId: string | null;
  onOpen: (id: string) => void;
}) {
  if (!props.documents) return <p aria-busy="true">Loading documents…</p>;
  if (props.documents.length === 0) return <p className="hint">No documents yet.</p>;
  return (
    <ul className="document-list" aria-label="Documents">
      {props.documents.map((document) => (
        <li key={document.id}>
          <button
            type="button"
            aria-current={document.id === props.openId ? 'true' : undefined}
            onClick={() => props.onOpen(document.id)}
          >
            <span className="document-title">{document.title}</span>
            <span
              className={document.textStatus === 'no-text' ? 'hint small warning' : 'hint small'}
            >
              {document.encrypted ? 'password-protected · ' : ''}
              {textState(document)}
            </span>
            {document.textStatus === 'extracting' && (
              <progress
                aria-label={`Text extraction of ${document.title}`}
                max={document.pageCount}
                value={document.pagesExtracted}
              />
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
