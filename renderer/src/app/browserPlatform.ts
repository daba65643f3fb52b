import { pickFiles } from './pickFiles';
import type { Platform } from './platform';

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

export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    openFiles: pickFiles,
    saveFile: ({ suggestedName, bytes }) =>
      download(suggestedName, new Blob([bytes as Uint8Array<ArrayBuffer>])),
    saveBlob: ({ suggestedName, blob }) => download(suggestedName, blob),
    // A page cannot get the bytes of its own print-out: the user prints from the preview instead.
    printPdf: () => Promise.resolve(null),
    forgetHistory: () => Promise.resolve(),
  };
}
