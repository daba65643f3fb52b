import { useState } from 'react';
import type { PdfDocument } from '#shared/documents/document';
import { useWithCase } from '../../case/useCase';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { DocumentHistory } from './DocumentHistory';
import { updateDocument } from '../../case/documents/documentMutations';
import { plural } from '../../ui/formatting';

/** The document's title (editable), origin, facts for citing it, and its versions. */
export function DocumentDetails(props: {
  document: PdfDocument;
  versions: PdfDocument[];
  onOpenVersion: (id: string) => void;
  onAddVersion: () => void;
}) {
  const { document, versions } = props;
  const place = versions.indexOf(document) + 1;
  const newest = versions.at(-1) === document;
  const withCase = useWithCase();
  const [title, setTitle] = useState(document.title);
  const [origin, setOrigin] = useState(document.origin);
  const { error, run } = useAction();
  const save = () => void run(() => withCase(updateDocument, document.id, { title, origin }));
  return (
    <div className="document-details">
      <h3 id="document-title">{document.title}</h3>
      <div className="field-row">
        <label>
          <span>Title</span>
          <input
            autoComplete="off"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            onBlur={save}
            size={50}
          />
        </label>
        <label>
          <span>Origin (where from, when retrieved)</span>
          <input
            autoComplete="off"
            value={origin}
            onChange={(event) => setOrigin(event.target.value)}
            onBlur={save}
            size={40}
          />
        </label>
      </div>
      <p className="hint small">
        {document.fileName} · {plural(document.pageCount, 'page', 'pages')} · SHA-256{' '}
        <span className="hash">{document.sha256}</span>
      </p>
      <div className="document-versions">
        {versions.length > 1 && (
          <p>
            Version {place} of {versions.length}
            {newest ? '' : ': a newer version supersedes it'}.{' '}
            {versions
              .filter((version) => version !== document)
              .map((version) => (
                <button
                  key={version.id}
                  type="button"
                  className="small"
                  onClick={() => props.onOpenVersion(version.id)}
                >
                  Open version {versions.indexOf(version) + 1} ({version.fileName})
                </button>
              ))}
          </p>
        )}
        {newest && (
          <button type="button" className="small" onClick={props.onAddVersion}>
            Add a new version…
          </button>
        )}
      </div>
      <ErrorMessage error={error} />
      <DocumentHistory documentId={document.id} />
    </div>
  );
}
