/**
 * The renderer's only way to the desktop. In Electron it calls the preload's `window.waybill`; in a
 * plain browser it falls back to a file input, the browser's save dialog and downloads, so that
 * browser mode does everything.
 */
import type { FileFilter, WaybillApi } from '#shared/ipc';
import type { ByteSink } from '../lib/byteSink';
import { browserPlatform } from './browserPlatform';
import { electronPlatform } from './electronPlatform';

export type Platform = {
  kind: 'electron' | 'browser';
  /** The files the user chose (empty when they cancelled), read from disk only when asked. */
  openFiles(options: { filters?: FileFilter[]; multiple?: boolean }): Promise<File[]>;
  /** Saves bytes under a suggested name; resolves with the saved name, or null when cancelled. */
  saveFile(options: {
    suggestedName: string;
    bytes: Uint8Array;
    filters?: FileFilter[];
  }): Promise<string | null>;
  /**
   * Asks where to save a large file that is then written a piece at a time (an archive), and opens
   * it; null when the user cancelled. Call it while handling the user's action: a browser shows its
   * save dialog only then.
   */
  saveInto(options: { suggestedName: string; filters?: FileFilter[] }): Promise<SaveTarget | null>;
  /** PDF bytes of self-contained HTML, printed by Chromium; null where they cannot be had (browser mode). */
  printPdf(html: string): Promise<Uint8Array | null>;
  /**
   * Clears the window's back and forward list, on lock. Only the desktop app can: a page cannot
   * reach the browser's history, which is why URLs carry ids only (see routeState.ts).
   */
  forgetHistory(): Promise<void>;
};

/** A file being saved: written a piece at a time, then closed, or abandoned and removed. */
export type SaveTarget = ByteSink & {
  /** Finishes the file; resolves with the name it was saved under. */
  close(): Promise<string | null>;
  /** Removes what was written: no partial file is left where the user chose. */
  abort(): Promise<void>;
};

declare global {
  interface Window {
    waybill?: WaybillApi;
  }
}

// `globalThis.window`: the unit tests' Node has none, and gets the browser's.
const api = (globalThis.window as Window | undefined)?.waybill;
export const platform: Platform = api ? electronPlatform(api) : browserPlatform();
