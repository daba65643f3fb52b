/**
 * The verifier's one use of the project's file readers: the raw cells of each dossier row checked
 * against the original file at the row's line. A delimited file is decoded and split as the import
 * does (its encoding and delimiter detected again); a workbook is read sheet by sheet.
 */
import { DelimitedReader, type RawRecord } from '../customs/delimitedReader';
import { sniffDelimiter } from '../customs/delimiter';
import { ENCODINGS_TRIED, isZip, sniffEncoding } from '../customs/encoding';
import { openXlsx } from '../customs/xlsx';
import { sha256Hex } from './dossierPackage';
import type { Dossier } from './model';

export type OriginalFile = { name: string; bytes: Uint8Array };

type Checks = { check(ok: boolean, where: string, message: string): void };

const REDACTED = /\[redacted: [^\]]*\]/g;

/** A cell as the dossier holds it matches the file's: equal, or equal but for its redactions. */
export function cellMatches(stated: string, original: string): boolean {
  if (stated === original) return true;
  if (!stated.includes('[redacted: ')) return false;
  const parts = stated.split(REDACTED).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]+?')}$`, 'u').test(original);
}

/** The records of a file that start on the wanted lines, by line: in every sheet of a workbook. */
async function recordsAt(
  file: OriginalFile,
  lines: ReadonlySet<number>,
): Promise<Map<number, string[]>[]> {
  const keep = (records: RawRecord[], into: Map<number, string[]>) => {
    for (const record of records) if (lines.has(record.line)) into.set(record.line, record.cells);
  };
  if (isZip(file.bytes.subarray(0, 4))) {
    const book = openXlsx(file.name, file.bytes);
    const sheets: Map<number, string[]>[] = [];
    for (const sheet of book.sheets) {
      const found = new Map<number, string[]>();
      await book.read(sheet.name, (rows) => keep(rows, found));
      sheets.push(found);
    }
    return sheets;
  }
  const encoding = sniffEncoding(file.bytes.subarray(0, 262_144));
  if (!encoding) throw new Error(`${file.name}: ${ENCODINGS_TRIED}`);
  const text = new TextDecoder(encoding.encoding, { fatal: true }).decode(file.bytes);
  const reader = new DelimitedReader(sniffDelimiter(text.slice(0, 65_536)));
  const found = new Map<number, string[]>();
  keep(reader.push(text), found);
  keep(reader.finish(), found);
  return [found];
}

/**
 * Checks the rows of every dataset whose original file is given. Returns the datasets no file was
 * given for, and the files that are no source of the dossier.
 */
export async function checkOriginalCells(
  dossier: Dossier,
  originals: readonly OriginalFile[],
  checks: Checks,
): Promise<{ unchecked: string[]; unused: string[] }> {
  const byHash = new Map(originals.map((file) => [sha256Hex(file.bytes), file]));
  const sources = new Set(dossier.sources.map((source) => source.sha256));
  const unchecked: string[] = [];
  for (const source of dossier.sources) {
    if (source.kind !== 'dataset') continue;
    const file = byHash.get(source.sha256);
    if (!file) {
      unchecked.push(source.name);
      continue;
    }
    const rows = dossier.shipments.filter((row) => row.fileSha256 === source.sha256);
    let sheets: Map<number, string[]>[];
    try {
      sheets = await recordsAt(file, new Set(rows.map((row) => row.rowNumber)));
    } catch (error) {
      checks.check(false, file.name, `cannot be read: ${(error as Error).message}`);
      continue;
    }
    // A workbook's rows are those of the sheet that holds them all.
    const found =
      sheets.find((sheet) => rows.every((row) => sheet.has(row.rowNumber))) ?? sheets[0];
    for (const row of rows) {
      const cells = found.get(row.rowNumber);
      const stated = row.raw.map((cell) => cell.value);
      checks.check(
        cells !== undefined,
        `Row ${row.id}`,
        `${file.name} has no record starting on line ${row.rowNumber}`,
      );
      if (!cells) continue;
      const differing = stated.findIndex((value, index) => !cellMatches(value, cells[index] ?? ''));
      checks.check(
        differing === -1 && cells.length <= stated.length,
        `Row ${row.id}`,
        differing === -1
          ? `${file.name} line ${row.rowNumber} has more cells than the dossier gives`
          : `cell ${differing + 1} (${row.raw[differing].header}) is “${stated[differing]}”; ${file.name} line ${row.rowNumber} has “${cells[differing] ?? ''}”`,
      );
    }
  }
  const unused = originals
    .filter((file) => !sources.has(sha256Hex(file.bytes)))
    .map((file) => file.name);
  return { unchecked, unused };
}
