import type { FileFilter } from '#shared/ipc';
import { BlobSink } from '../lib/byteSink';
import { pickFiles } from './pickFiles';
import type { Platform, SaveTarget } from './platform';

/** Offers a Blob as a download under a name; the browser saves it where the user keeps downloads. */
function download(suggestedName: string, blob: Blob): Promise<string> {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.click();
  // Revoked on the next task: the download has taken its copy by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return Promise.resolve(suggestedName);
}

/** The File System Access save dialog (Chromium's), where the browser has it. */
type SaveFilePicker = (options: {
  suggestedName: string;
  types?: { description: string; accept: Record<string, string[]> }[];
}) => Promise<FileSystemFileHandle>;

/**
 * A file the user chose in the browser's save dialog, written through its writable stream: the
 * browser writes beside it and puts the file in place on close, or drops what was written on abort.
 * Where the browser has no such dialog, what is written is gathered into a Blob and downloaded.
 */
async function saveInto(options: {
  suggestedName: string;
  filters?: FileFilter[];
}): Promise<SaveTarget | null> {
  const picker = (window as Window & { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  if (!picker) {
    const gathered = new BlobSink();
    return {
      write: (piece) => gathered.write(piece),
      close: () => download(options.suggestedName, gathered.blob()),
      abort: () => Promise.resolve(),
    };
  }
  let handle: FileSystemFileHandle;
  try {
    handle = await picker.call(window, {
      suggestedName: options.suggestedName,
      types: options.filters?.map((filter) => ({
        description: filter.name,
        accept: { 'application/octet-stream': filter.extensions.map((ext) => `.${ext}`) },
      })),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
  const writable = await handle.createWritable();
  return {
    write: (piece) => writable.write(piece as Uint8Array<ArrayBuffer>),
    close: async () => {
      await writable.close();
      return handle.name;
    },
    abort: () => writable.abort(),
  };
}

export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    openFiles: pickFiles,
    saveFile: ({ suggestedName, bytes }) =>
      download(suggestedName, new Blob([bytes as Uint8Array<ArrayBuffer>])),
    saveInto,
    // A page cannot get the bytes of its own print-out: the user prints from the preview instead.
    printPdf: () => Promise.resolve(null),
    forgetHistory: () => Promise.resolve(),
  };
}
