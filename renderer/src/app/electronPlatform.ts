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
    // In pieces across IPC, so an archive of any size never sits whole in either process; the save
    // dialog and the write-then-rename stay in the main process.
    saveBlob: async ({ blob, ...options }) => {
      const id = unwrap(await api.saveBegin(options));
      if (id === null) return null;
      try {
        for (let offset = 0; offset < blob.size; offset += SAVE_CHUNK_BYTES) {
          const bytes = new Uint8Array(
            await blob.slice(offset, offset + SAVE_CHUNK_BYTES).arrayBuffer(),
          );
          unwrap(await api.saveChunk({ id, bytes }));
        }
      } catch (error) {
        await api.saveEnd({ id, commit: false });
        throw error;
      }
      return unwrap(await api.saveEnd({ id, commit: true }))?.name ?? null;
    },
    printPdf: async (html) => unwrap(await api.printPdf({ html })),
    forgetHistory: async () => unwrap(await api.forgetHistory()),
  };
}
