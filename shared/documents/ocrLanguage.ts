/**
 * OCR language data: Tesseract `.traineddata` files. English ships with the app; any other language
 * is a file the user provides (from a Tesseract install, e.g. Debian's `tesseract-ocr-rus`), kept
 * once for every case in the reference database. A file is checked before it is kept: its name
 * gives the language code, and its header must be a Tesseract data container.
 */

export type OcrLanguageFile = {
  /** Tesseract's language code: `rus`, `chi_sim`. */
  code: string;
  fileName: string;
  size: number;
  data: Uint8Array;
  addedAt: number;
};

export const BUILT_IN_OCR_LANGUAGE = 'eng';

const MB = 1024 * 1024;

/** The language code a `.traineddata` file's name gives, or why the file cannot be one. */
export function checkOcrLanguageFile(
  fileName: string,
  bytes: Uint8Array,
): { code: string } | { problem: string } {
  const match = /^([a-z]{3}(?:_[a-z]{2,8})?)\.traineddata$/i.exec(fileName);
  if (!match?.[1])
    return {
      problem: `${fileName}: a Tesseract language file is named for its language, such as “rus.traineddata”.`,
    };
  const code = match[1].toLowerCase();
  if (code === BUILT_IN_OCR_LANGUAGE)
    return { problem: `${fileName}: English is built in; it cannot be replaced.` };
  if (bytes.length > 200 * MB)
    return {
      problem: `${fileName}: at ${Math.round(bytes.length / MB)} MB it is too large to be language data.`,
    };
  // The container: the number of entries (a 32-bit count), then each entry's offset (64-bit), -1
  // where the entry is absent; every offset present lies after that table and inside the file.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = bytes.length >= 4 ? view.getInt32(0, true) : 0;
  const tableEnd = 4 + entries * 8;
  const valid =
    entries >= 1 &&
    entries <= 64 &&
    tableEnd < bytes.length &&
    Array.from({ length: entries }, (_, at) => Number(view.getBigInt64(4 + at * 8, true))).every(
      (offset) => offset === -1 || (offset >= tableEnd && offset < bytes.length),
    );
  return valid
    ? { code }
    : {
        problem: `${fileName}: this is not Tesseract language data (its header does not read as one).`,
      };
}
