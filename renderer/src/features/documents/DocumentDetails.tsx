import { useState } from 'react';
import type { PdfDocument } from '../../../../shared/documents/document';
import type { InvestigationDb } from '../../db/schema';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { DocumentHistory } from './DocumentHistory';
import { updateDocument } from './documentMutations';

/** The document's title (editable), origin, and facts for citing it. */
export function DocumentDetails({ db, document }: { db: InvestigationDb; document: PdfDocument }) {
  const [title, setTitle] = useState(document.title);
  const [origin, setOrigin] = useState(document.origin);
  const { error, run } = useAction();
  const save = () => void run(() => updateDocument(db, document.id, { title, origin }));
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
        {document.fileName} · {document.pageCount} pages · SHA-256{' '}
        <span className="hash">{document.sha256}</span>
      </p>
      <ErrorMessage error={error} />
      <DocumentHistory db={db} documentId={document.id} />
    </div>
  );
}
