import { useEffect, useMemo, useState, type DragEvent } from 'react';
import type { PdfDocument } from '#shared/documents/document';
import { platform } from '../../app/platform';
import { DocumentList } from './DocumentList';
import { DocumentSearch } from './DocumentSearch';
import { DocumentView, type ViewTarget } from './DocumentView';
import { useAllPageTexts, usePageSearchIndex } from './useDocumentSearch';
import { PasswordDialog } from './PasswordDialog';
import {
  addDocument,
  DocumentError,
  extractText,
  openStoredDocument,
} from '../../case/documents/documentMutations';
import { PdfPasswordNeeded, readerWorker, type PDFDocumentProxy } from '../../case/documents/pdfjs';
import { useDocuments } from '../../case/documents/useDocuments';
import { newestVersions, versionsOf } from '#shared/documents/versions';
import { useWithCase } from '../../case/useCase';
import { useTabView } from '../../case/views/useTabView';
import type { DocumentsView } from '#shared/tabViews';
import { plural } from '../../ui/formatting';

/** A chosen PDF, its bytes read: pdf.js and the document's hash take them whole. */
type PdfFile = { name: string; bytes: Uint8Array };
const readPdfs = (files: File[]): Promise<PdfFile[]> =>
  Promise.all(
    files.map(async (file) => ({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
/** The PDFs the user chooses (none when they cancel), read. */
const choosePdfs = async (multiple: boolean) =>
  readPdfs(await platform.openFiles({ filters: [{ name: 'PDF', extensions: ['pdf'] }], multiple }));

const addedMessage = (name: string, pages: number) => ({
  text: `Added ${name} (${plural(pages, 'page', 'pages')}).`,
  error: false,
});

/** How long a notice ("Added …") stays; an error stays until dismissed. */
const NOTICE_MS = 10_000;

/** Documents whose text this page is extracting now, so a re-render never starts a second pass. */
const extracting = new Set<string>();

const freshView: DocumentsView = { id: 'documents', openDocument: null };

export function DocumentsPage() {
  const withCase = useWithCase();
  const documents = useDocuments();
  const [messages, setMessages] = useState<{ text: string; error: boolean }[]>([]);
  const [needsPassword, setNeedsPassword] = useState<PdfFile[]>([]);
  const [view, setView] = useTabView<DocumentsView>(freshView);
  // Read and indexed once for the page: the search across documents and the open document's own
  // find and text layers share them (the viewer does not read its pages again while it opens).
  const pageTexts = useAllPageTexts();
  const searchIndex = usePageSearchIndex(pageTexts);
  const openId = view?.openDocument ?? null;
  const [target, setTarget] = useState<ViewTarget | null>(null);
  const [dropping, setDropping] = useState(false);

  useEffect(() => {
    if (!messages.some((message) => !message.error)) return undefined;
    const timer = window.setTimeout(
      () => setMessages((current) => current.filter((message) => message.error)),
      NOTICE_MS,
    );
    return () => window.clearTimeout(timer);
  }, [messages]);

  // The viewer's pdf.js worker starts while the list is read, not when a document is opened.
  useEffect(() => void readerWorker(), []);

  // Extractions cut short (a closed window) resume; protected documents wait until opened.
  useEffect(() => {
    for (const document of documents ?? []) {
      if (document.textStatus !== 'extracting' || extracting.has(document.id)) continue;
      extracting.add(document.id);
      void withCase(openStoredDocument, document)
        .then((pdf) => withCase(extractText, document, pdf).finally(() => void pdf.destroy()))
        .catch(() => undefined)
        .finally(() => extracting.delete(document.id));
    }
  }, [withCase, documents]);

  const started = (document: PdfDocument, pdf: PDFDocumentProxy | null) => {
    if (!pdf) return;
    extracting.add(document.id);
    void withCase(extractText, document, pdf).finally(() => {
      extracting.delete(document.id);
      void pdf.destroy();
    });
  };

  const add = async (files: PdfFile[]) => {
    const notes: { text: string; error: boolean }[] = [];
    for (const file of files) {
      try {
        const { document, alreadyThere, pdf } = await withCase(addDocument, file);
        notes.push(
          alreadyThere
            ? {
                text: `${file.name} is already here, as “${document.title}”: nothing was added.`,
                error: false,
              }
            : addedMessage(file.name, document.pageCount),
        );
        started(document, pdf);
      } catch (error) {
        if (error instanceof PdfPasswordNeeded) setNeedsPassword((queue) => [...queue, file]);
        else
          notes.push({
            text: error instanceof DocumentError ? error.message : `${file.name}: ${String(error)}`,
            error: true,
          });
      }
    }
    setMessages(notes);
  };

  /** A protected file with its password: a wrong one is told in the password dialog, which stays open. */
  const addProtected = async (file: PdfFile, password: string) => {
    try {
      const { document, pdf } = await withCase(addDocument, file, password);
      setMessages([addedMessage(file.name, document.pageCount)]);
      started(document, pdf);
    } catch (error) {
      if (error instanceof PdfPasswordNeeded)
        throw new Error('That password is not right.', { cause: error });
      throw error;
    }
  };

  /** A new version of `previous`, chosen by the user; opened once added. */
  const addVersion = async (previous: PdfDocument) => {
    const [file] = await choosePdfs(false);
    if (!file) return;
    try {
      const { document, pdf } = await withCase(addDocument, file, undefined, previous);
      setMessages([
        {
          text: `Added ${file.name} as a new version of “${previous.title}”: its excerpts move to it where their passages are found.`,
          error: false,
        },
      ]);
      started(document, pdf);
      open(document.id, null);
    } catch (error) {
      setMessages([
        {
          text:
            error instanceof PdfPasswordNeeded
              ? `${file.name} is protected by a password: a new version must open without one.`
              : error instanceof DocumentError
                ? error.message
                : `${file.name}: ${String(error)}`,
          error: true,
        },
      ]);
    }
  };

  const choose = async () => add(await choosePdfs(true));

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDropping(false);
    void readPdfs([...event.dataTransfer.files]).then(add);
  };

  const open = (documentId: string, next: ViewTarget | null) => {
    setView((current) => ({ ...current, openDocument: documentId }));
    setTarget(next);
  };
  const current = documents?.find((document) => document.id === openId) ?? null;
  const currentPages = useMemo(
    () => pageTexts?.filter((page) => page.documentId === current?.id),
    [pageTexts, current?.id],
  );
  /** The newest version of the document `id` (the one the list shows for it). */
  const newestOf = (id: string) => {
    const shown = documents?.find((document) => document.id === id);
    return (shown && versionsOf(documents ?? [], shown).at(-1)?.id) ?? id;
  };
  const asking = needsPassword[0];

  return (
    <div
      className={dropping ? 'documents dropping' : 'documents'}
      onDragOver={(event) => {
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <section className="documents-side" aria-labelledby="documents-title">
        <div className="list-header">
          <h2 id="documents-title">Documents</h2>
          <button type="button" className="primary" onClick={() => void choose()}>
            Add PDFs
          </button>
        </div>
        <p className="hint small">…or drop PDF files anywhere here.</p>
        {messages.map((message) => (
          <p
            key={message.text}
            role={message.error ? 'alert' : 'status'}
            className={message.error ? 'error' : 'notice'}
          >
            {message.text}{' '}
            <button
              type="button"
              className="small"
              aria-label={`Dismiss: ${message.text}`}
              onClick={() => setMessages((current) => current.filter((kept) => kept !== message))}
            >
              ×
            </button>
          </p>
        ))}
        <DocumentSearch
          documents={documents ?? []}
          pages={pageTexts}
          index={searchIndex}
          onOpen={open}
        />
        <DocumentList
          documents={documents && newestVersions(documents)}
          openId={openId && newestOf(openId)}
          onOpen={(id) => open(id, null)}
        />
      </section>
      <div className="documents-main">
        {current ? (
          <DocumentView
            key={`${current.id}:${target?.page ?? 0}:${target?.span?.start ?? -1}`}
            document={current}
            pageTexts={currentPages}
            searchIndex={searchIndex}
            target={target}
            versions={versionsOf(documents ?? [], current)}
            onOpenVersion={(id) => open(id, null)}
            onAddVersion={() => void addVersion(current)}
          />
        ) : (
          <p className="hint">Open a document to read it, find in it and cut excerpts.</p>
        )}
      </div>
      {asking && (
        <PasswordDialog
          key={asking.name}
          fileName={asking.name}
          onSubmit={(password) => addProtected(asking, password)}
          onClose={() => setNeedsPassword((queue) => queue.slice(1))}
        />
      )}
    </div>
  );
}
