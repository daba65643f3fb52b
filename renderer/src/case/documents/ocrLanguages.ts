/**
 * The OCR languages this app has: English, built in, and the `.traineddata` files the user added,
 * kept once in the reference database (shared/documents/ocrLanguage.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  BUILT_IN_OCR_LANGUAGE,
  checkOcrLanguageFile,
  type OcrLanguageFile,
} from '#shared/documents/ocrLanguage';
import { referenceDb } from '../../db/referenceDb';
import type { OcrLanguage } from './ocrEngine';

/** The added languages, by code (undefined while loading). Their data stays in the database. */
export const useOcrLanguageFiles = (): Omit<OcrLanguageFile, 'data'>[] | undefined =>
  useLiveQuery(async () => {
    const files = await referenceDb.ocrLanguages.toArray();
    return files
      .map(({ data: _data, ...file }) => file)
      .sort((a, b) => a.code.localeCompare(b.code));
  });

/** Keeps a `.traineddata` file the user picked, once checked; a language added again is replaced. */
export async function addOcrLanguage(file: File): Promise<string> {
  const data = new Uint8Array(await file.arrayBuffer());
  const checked = checkOcrLanguageFile(file.name, data);
  if ('problem' in checked) throw new Error(checked.problem);
  await referenceDb.ocrLanguages.put({
    code: checked.code,
    fileName: file.name,
    size: data.length,
    data,
    addedAt: Date.now(),
  });
  return checked.code;
}

export const removeOcrLanguage = (code: string): Promise<void> =>
  referenceDb.ocrLanguages.delete(code);

/** The engine's languages for `codes`: English as shipped, the others with their stored data. */
export async function ocrLanguages(codes: readonly string[]): Promise<OcrLanguage[]> {
  return Promise.all(
    codes.map(async (code) => {
      if (code === BUILT_IN_OCR_LANGUAGE) return { code };
      const file = await referenceDb.ocrLanguages.get(code);
      if (!file) throw new Error(`The language data for “${code}” is no longer in this app.`);
      return { code, data: file.data };
    }),
  );
}
