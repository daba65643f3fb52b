/**
 * Remembered customs layouts (shared/customs/layout.ts): app-wide, in the index database, never in
 * a case. Written when an import completes; exported to and imported from a small JSON file.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Dataset } from '#shared/customs/dataset';
import { layoutOf, layoutsFile, readLayoutsFile, type SavedLayout } from '#shared/customs/layout';
import { indexDb } from '../../db/databases';

export const loadLayouts = (): Promise<SavedLayout[]> => indexDb.layouts.toArray();

/** Remembers every decision of a completed import for the next file with the same headers. */
export async function rememberLayout(dataset: Dataset): Promise<void> {
  await indexDb.layouts.put(layoutOf(dataset, Date.now()));
}

/** The remembered layouts, newest first. */
export function useLayouts(): SavedLayout[] | undefined {
  return useLiveQuery(() => indexDb.layouts.orderBy('updatedAt').reverse().toArray(), []);
}

export const exportLayouts = async (): Promise<string> => layoutsFile(await loadLayouts());

/** Adds a layouts file's layouts (replacing any of the same headers); all or nothing. */
export async function importLayouts(fileName: string, text: string): Promise<number> {
  const layouts = readLayoutsFile(fileName, text);
  await indexDb.layouts.bulkPut(layouts);
  return layouts.length;
}

export const forgetLayouts = (): Promise<void> => indexDb.layouts.clear();
