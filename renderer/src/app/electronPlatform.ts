import type { Result, WaybillApi } from '../../../shared/ipc';
import type { Platform } from './platform';

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new Error(result.error.message);
}

export function electronPlatform(api: WaybillApi): Platform {
  return {
    kind: 'electron',
    openFiles: async (options) => unwrap(await api.openFiles(options)),
    saveFile: async (options) => unwrap(await api.saveFile(options))?.name ?? null,
    // One buffer across IPC: the save dialog and the atomic write stay in the main process.
    saveBlob: async ({ blob, ...options }) =>
      unwrap(await api.saveFile({ ...options, bytes: new Uint8Array(await blob.arrayBuffer()) }))
        ?.name ?? null,
    printPdf: async (html) => unwrap(await api.printPdf({ html })),
  };
}
