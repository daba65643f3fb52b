/**
 * Attaching PDFs and keeping their text: every document is opened with pdf.js before anything is
 * stored, so a damaged file or a wrong password stores nothing.
 */
import type { PdfDocument } from '#shared/documents/document';
import { newId } from '../../db/databases';
import type { InvestigationDb } from '../../db/schema';
import {
  addFileRecord,
  fileBytes,
  removeUnrecordedParts,
  storeFileParts,
} from '../../db/storedFiles';
import { sha256Hex } from '../../lib/bytes';
import {
  openPdf,
  pageText,
  PdfPasswordNeeded,
  type PDFDocumentProxy,
  type PdfWorker,
} from './pdfjs';
import { recordChange, updateAudited } from '../../db/audit';
import { moveExcerptsToVersion } from './documentVersions';
import { messageOf } from '../../lib/errorMessage';

export class DocumentError extends Error {}

/** Passwords of encrypted PDFs, by file hash: in memory only, gone when the app closes. */
const passwords = new Map<string, string>();
const knownPassword = (sha256: string): string | undefined => passwords.get(sha256);
const rememberPassword = (sha256: string, password: string): void =>
  void passwords.set(sha256, password);

/**
 * Opens a stored or offered PDF, turning pdf.js's failures into messages that name the file. An
 * offered one is checked further: a damaged file can open and still fail on its first page, and
 * nothing of it is kept then. A stored one was checked when it was added; its viewer opens at once.
 */
async function openDocumentBytes(
  fileName: string,
  bytes: Uint8Array,
  {
    password,
    offered = false,
    worker,
  }: { password?: string; offered?: boolean; worker?: PdfWorker },
): Promise<PDFDocumentProxy> {
  try {
    const pdf = await openPdf(bytes, password, worker);
    if (offered) await (await pdf.getPage(1)).getOperatorList();
    return pdf;
  } catch (error) {
    if (error instanceof PdfPasswordNeeded) throw error;
    const reason = messageOf(error);
    throw new DocumentError(
      `${fileName}: this is not a readable PDF (${reason}). Nothing was stored.`,
    );
  }
}

/** The title: the PDF's own, else its first line that reads like a title, else the file name. */
async function titleOf(pdf: PDFDocumentProxy, fileName: string): Promise<string> {
  const { info } = (await pdf.getMetadata()) as { info: { Title?: unknown } };
  if (typeof info.Title === 'string' && info.Title.trim()) return info.Title.trim();
  const lines = (await pageText(pdf, 1)).split('\n').map((line) => line.trim());
  const line = lines.find(
    (candidate) => /\p{L}{3,}/u.test(candidate) && !/^synthetic test document/i.test(candidate),
  );
  return line?.slice(0, 200) ?? fileName.replace(/\.pdf$/i, '');
}

export type AddedDocument = {
  document: PdfDocument;
  alreadyThere: boolean;
  pdf: PDFDocumentProxy | null;
};

/**
 * Adds a PDF, or (`previous`) a new version of a document already here: it keeps that document's
 * title and supersedes it; once its text is stored, the excerpts move to it (documentVersions.ts).
 */
export async function addDocument(
  db: InvestigationDb,
  file: { name: string; bytes: Uint8Array },
  password?: string,
  previous?: PdfDocument,
): Promise<AddedDocument> {
  const sha256 = await sha256Hex(file.bytes);
  const existing = await db.documents.where('sha256').equals(sha256).first();
  if (existing && previous)
    throw new DocumentError(
      `${file.name} is already here, as “${existing.title}”: a new version must be another file.`,
    );
  if (existing) return { document: existing, alreadyThere: true, pdf: null };
  if (previous && (await db.documents.toArray()).some((entry) => entry.supersedes === previous.id))
    throw new DocumentError(`“${previous.title}” already has a newer version: add to that one.`);
  const pdf = await openDocumentBytes(file.name, file.bytes, { password, offered: true });
  const document: PdfDocument = {
    id: newId(),
    sha256,
    fileName: file.name,
    title: previous?.title ?? (await titleOf(pdf, file.name)),
    origin: '',
    ...(previous ? { supersedes: previous.id } : {}),
    pageCount: pdf.numPages,
    addedAt: Date.now(),
    encrypted: password !== undefined,
    textStatus: 'extracting',
    pagesExtracted: 0,
  };
  if (password !== undefined) rememberPassword(sha256, password);
  try {
    const stored = await storeFileParts(
      db,
      { sha256, name: file.name, mime: 'application/pdf' },
      file.bytes,
    );
    await db.transaction('rw', [db.documents, db.files, db.fileParts, db.audit], async () => {
      await addFileRecord(db, stored);
      await db.documents.add(document);
      if (previous)
        await recordChange(db, 'documents', previous.id, 'update', null, {
          newVersion: `${file.name} (SHA-256 ${sha256})`,
        });
    });
  } catch (error) {
    // What was stored of its bytes goes with it.
    await removeUnrecordedParts(db, sha256);
    throw error;
  }
  return { document, alreadyThere: false, pdf };
}

/**
 * Stores every page's text (pdf.js parses in its own worker; this loop only gathers the results),
 * page by page so that progress shows and an interrupted extraction resumes where it stopped.
 */
export async function extractText(
  db: InvestigationDb,
  document: PdfDocument,
  pdf: PDFDocumentProxy,
): Promise<void> {
  // Written in batches: every write wakes the live queries (the search index among them), so one
  // write per page would rebuild the index 300 times for a 300-page report.
  const BATCH = 20;
  let withText = 0;
  let batch: { documentId: string; page: number; text: string }[] = [];
  const flush = async (page: number) => {
    const pages = batch;
    batch = [];
    await db.transaction('rw', [db.pageTexts, db.documents], async () => {
      await db.pageTexts.bulkPut(pages);
      await db.documents.update(document.id, { pagesExtracted: page });
    });
  };
  for (let page = 1; page <= pdf.numPages; page += 1) {
    const stored = await db.pageTexts.get([document.id, page]);
    const text = stored?.text ?? (await pageText(pdf, page));
    if (text.trim()) withText += 1;
    if (!stored) batch.push({ documentId: document.id, page, text });
    if (batch.length >= BATCH) await flush(page);
  }
  if (batch.length > 0) await flush(pdf.numPages);
  await db.documents.update(document.id, {
    textStatus: withText === 0 ? 'no-text' : 'complete',
    pagesExtracted: pdf.numPages,
  });
  if (document.supersedes) await moveExcerptsToVersion(db, document, pdf);
}

export async function updateDocument(
  db: InvestigationDb,
  id: string,
  changes: Pick<PdfDocument, 'title' | 'origin'>,
): Promise<void> {
  const title = changes.title.trim();
  if (!title) throw new DocumentError('A document needs a title.');
  const next = { title, origin: changes.origin.trim() };
  await updateAudited(db, db.documents, 'documents', id, next, 'This document no longer exists.');
}

/**
 * Loads a stored document's bytes and opens them (with its password, if this session knows it), on
 * `worker` if given (the viewer's, `readerWorker`), else on a worker of its own.
 */
export async function openStoredDocument(
  db: InvestigationDb,
  document: PdfDocument,
  password?: string,
  worker?: PdfWorker,
): Promise<PDFDocumentProxy> {
  const file = await db.files.get(document.sha256);
  if (!file) throw new DocumentError(`${document.fileName}: its stored bytes are missing.`);
  const pdf = await openDocumentBytes(document.fileName, await fileBytes(db, file), {
    password: password ?? knownPassword(document.sha256),
    worker,
  });
  if (password !== undefined) rememberPassword(document.sha256, password);
  return pdf;
}
