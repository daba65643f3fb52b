/**
 * Verifies a dossier package off the page's thread (shared/dossier/verify.ts): a package of a
 * million rows, checked against its original files, takes a while.
 */
import * as Comlink from 'comlink';
import {
  UnreadablePackage,
  verifyPackage,
  type OriginalFile,
  type VerifyReport,
} from '#shared/dossier/verify';

export type VerifyOutcome = { report: VerifyReport } | { unreadable: string };

const api = {
  async verify(zip: Uint8Array, originals: OriginalFile[]): Promise<VerifyOutcome> {
    try {
      return { report: await verifyPackage(zip, originals) };
    } catch (error) {
      if (error instanceof UnreadablePackage) return { unreadable: error.message };
      throw error;
    }
  },
};

export type VerifyWorkerApi = typeof api;

Comlink.expose(api);
