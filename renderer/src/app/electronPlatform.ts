import { SAVE_CHUNK_BYTES, type Result, type WaybillApi } from '#shared/ipc';
import { pickFiles } from './pickFiles';
import type { Platform } from './platform';

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new Error(result.error.message);
}

export function electronPlatform(api: WaybillApi): Platform {
  return {
    kind: 'electron',
    // A file input opens the native dialog here too, and its Files are read from disk as needed,
    // where bytes sent over IPC would hold a whole file in both processes.
    openFiles: pickFiles,
    saveFile: async (options) => unwrap(await api.saveFile(options))?.name ?? null,
    // In pieces across IPC as the archive is written, so that it never sits whole in either
    // process; the save dialog and the write-then-rename stay in the main process.
    saveInto: async (options) => {
      const id = unwrap(await api.saveBegin(options));
      if (id === null) return null;
      const send = async (piece: Uint8Array) => {
        for (let at = 0; at < piece.length; at += SAVE_CHUNK_BYTES) {
          // A view would cross with its whole buffer: a longer piece is cut into copies.
          const bytes =
            piece.length <= SAVE_CHUNK_BYTES ? piece : piece.slice(at, at + SAVE_CHUNK_BYTES);
          unwrap(await api.saveChunk({ id, bytes }));
        }
      };
      // Each piece's requests once the piece before it is written, so that none interleave.
      let written = Promise.resolve();
      return {
        write: (piece) => (written = written.then(() => send(piece))),
        close: async () => {
          await written;
          return unwrap(await api.saveEnd({ id, commit: true }))?.name ?? null;
        },
        abort: async () => void (await api.saveEnd({ id, commit: false })),
      };
    },
    printPdf: async (html) => unwrap(await api.printPdf({ html })),
    forgetHistory: async () => unwrap(await api.forgetHistory()),
  };
}
