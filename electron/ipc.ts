import path from 'node:path';
import { rename, writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, ipcMain } from 'electron';
import {
  channels,
  printPdfRequestSchema,
  forgetHistoryRequestSchema,
  saveBeginRequestSchema,
  saveChunkRequestSchema,
  saveEndRequestSchema,
  saveFileRequestSchema,
  type SaveBeginRequest,
  type SavedFile,
} from '../shared/ipc';
import { guardHandler, type InvokeEvent } from './ipcGuard';
import { printHtmlToPdf } from './pdfPrint';
import { StreamedSaves } from './streamedSaves';

const streamedSaves = new StreamedSaves();

const windowOf = (event: InvokeEvent): BrowserWindow | null =>
  BrowserWindow.fromWebContents(event.sender as Electron.WebContents);

/** The native save dialog, over the asking window; null when the user cancels. */
async function chooseSavePath(
  request: SaveBeginRequest,
  event: InvokeEvent,
): Promise<string | null> {
  const window = windowOf(event);
  const options = { defaultPath: request.suggestedName, filters: request.filters };
  const chosen = window
    ? await dialog.showSaveDialog(window, options)
    : await dialog.showSaveDialog(options);
  return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
}

export function registerIpcHandlers(): void {
  ipcMain.handle(
    channels.saveFile,
    guardHandler(saveFileRequestSchema, async (request, event): Promise<SavedFile> => {
      const target = await chooseSavePath(request, event);
      if (!target) return null;
      // Written beside the target and renamed into place, so a failed write never leaves half a file.
      const partial = `${target}.waybill-partial`;
      await writeFile(partial, request.bytes);
      await rename(partial, target);
      return { name: path.basename(target) };
    }),
  );

  ipcMain.handle(
    channels.saveBegin,
    guardHandler(saveBeginRequestSchema, async (request, event): Promise<string | null> => {
      const target = await chooseSavePath(request, event);
      if (!target) return null;
      const owner = event.sender;
      const id = await streamedSaves.begin(owner, target);
      (owner as Electron.WebContents).once('destroyed', () => void streamedSaves.abandon(owner));
      return id;
    }),
  );
  ipcMain.handle(
    channels.saveChunk,
    guardHandler(saveChunkRequestSchema, (request, event) =>
      streamedSaves.write(event.sender, request.id, request.bytes),
    ),
  );
  ipcMain.handle(
    channels.saveEnd,
    guardHandler(saveEndRequestSchema, (request, event) =>
      streamedSaves.end(event.sender, request.id, request.commit),
    ),
  );

  ipcMain.handle(
    channels.printPdf,
    guardHandler(printPdfRequestSchema, (request) => printHtmlToPdf(request.html)),
  );

  ipcMain.handle(
    channels.forgetHistory,
    guardHandler(forgetHistoryRequestSchema, (_request, event) => {
      (event.sender as Electron.WebContents).navigationHistory.clear();
      return Promise.resolve();
    }),
  );
}
