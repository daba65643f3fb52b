import { formatDateTime } from '../../ui/formatting';
import { describeDocumentChange } from './documentHistoryText';
import { useDocumentHistory } from '../../case/documents/useDocumentHistory';

/** What changed in a document's title, origin and excerpts, and when. */
export function DocumentHistory(props: { documentId: string }) {
  const history = useDocumentHistory(props.documentId);
  return (
    <details className="history">
      <summary>History{history ? ` (${history.length})` : ''}</summary>
      {history === undefined ? (
        <p aria-busy="true">Loading history…</p>
      ) : history.length === 0 ? (
        <p className="hint small">No changes yet.</p>
      ) : (
        <ol aria-label="Document history">
          {history.map((entry) => (
            <li key={entry.id}>
              <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time>
              {describeDocumentChange(entry).map((line) => (
                <span key={line} className="history-line" dir="auto">
                  {line}
                </span>
              ))}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
