/**
 * The one contract between the renderer and the Electron main process.
 *
 * The preload exposes `window.waybill`, typed as `WaybillApi`; the main process registers one handler
 * per channel and validates every payload with the schemas below. Handlers never throw across the
 * boundary: they answer with a `Result`.
 */
import { z } from 'zod';

type IpcError = { code: IpcErrorCode; message: string };
export type IpcErrorCode = 'invalid-payload' | 'forbidden-sender' | 'cancelled' | 'io-failed';
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: IpcErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** A file dialog filter, e.g. `{ name: 'Customs exports', extensions: ['csv', 'xlsx'] }`. */
const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,10}$/)).max(20),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

export const saveFileRequestSchema = z.object({
  suggestedName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[\\/\0]/.test(name), 'a file name, not a path'),
  bytes: z.instanceof(Uint8Array),
  filters: z.array(fileFilterSchema).max(10).optional(),
});
type SaveFileRequest = Omit<z.infer<typeof saveFileRequestSchema>, 'bytes'> & {
  bytes: Uint8Array;
};

/** A save that arrives in pieces: the dialog first, then the bytes, then the commit. */
export const saveBeginRequestSchema = saveFileRequestSchema.omit({ bytes: true });
export type SaveBeginRequest = z.infer<typeof saveBeginRequestSchema>;
export const SAVE_CHUNK_BYTES = 8 * 1024 * 1024;
export const saveChunkRequestSchema = z.object({
  id: z.uuid(),
  bytes: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.length <= SAVE_CHUNK_BYTES, 'at most 8 MB'),
});
type SaveChunkRequest = { id: string; bytes: Uint8Array };
export const saveEndRequestSchema = z.object({ id: z.uuid(), commit: z.boolean() });
type SaveEndRequest = z.infer<typeof saveEndRequestSchema>;

/** What the user saved: the file's base name, or null when they cancelled the dialog. */
export type SavedFile = { name: string } | null;

/** HTML to print to PDF (the dossier): a self-contained document, printed with scripts off. */
export const printPdfRequestSchema = z.object({ html: z.string().min(1).max(200_000_000) });
type PrintPdfRequest = z.infer<typeof printPdfRequestSchema>;

export const forgetHistoryRequestSchema = z.undefined();

/** The channel of each method of the contract: one each, no more (the preload exposes these). */
export const channels = {
  saveFile: 'files:save',
  saveBegin: 'files:save-begin',
  saveChunk: 'files:save-chunk',
  saveEnd: 'files:save-end',
  printPdf: 'pdf:print',
  forgetHistory: 'history:forget',
} as const satisfies Record<keyof WaybillApi, string>;

export type WaybillApi = {
  /** Native save dialog; writes the bytes where the user chose. */
  saveFile(request: SaveFileRequest): Promise<Result<SavedFile>>;
  /** Native save dialog for a save in pieces; resolves with the save's id, or null if cancelled. */
  saveBegin(request: SaveBeginRequest): Promise<Result<string | null>>;
  /** Appends one piece (at most SAVE_CHUNK_BYTES) to a save in progress. */
  saveChunk(request: SaveChunkRequest): Promise<Result<void>>;
  /** Puts the saved file in place (commit) or removes what was written. */
  saveEnd(request: SaveEndRequest): Promise<Result<SavedFile>>;
  /** Prints HTML to PDF in a hidden, sandboxed window with JavaScript off; resolves with the bytes. */
  printPdf(request: PrintPdfRequest): Promise<Result<Uint8Array>>;
  /**
   * Clears the asking window's back and forward list (on lock: the page's saved state of earlier
   * routes must not outlive it). Takes nothing.
   */
  forgetHistory(request?: undefined): Promise<Result<void>>;
};
