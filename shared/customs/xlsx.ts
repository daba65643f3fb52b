/**
 * XLSX workbooks, read with a streaming unzip (fflate) and a SAX reading of the sheet XML (saxes),
 * so that a 200,000-row sheet is never held as one string or one DOM. Row numbers are the sheet's own
 * (`<row r="12">`), the row number Excel shows.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { RawRecord } from './delimitedReader';
import { UnreadableFileError } from './unreadable';

type XlsxSheet = { name: string; path: string };

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function entryText(bytes: Uint8Array, name: string): string | null {
  const files = unzipSync(bytes, { filter: (file) => file.name === name });
  const data = files[name];
  return data ? new TextDecoder('utf-8').decode(data) : null;
}

function parseXml(
  text: string,
  on: {
    open?: (tag: SaxesTagPlain) => void;
    close?: (name: string) => void;
    text?: (text: string) => void;
  },
) {
  const parser = new SaxesParser();
  if (on.open) parser.on('opentag', on.open);
  if (on.close) parser.on('closetag', (tag) => on.close?.(localName(tag.name)));
  if (on.text) parser.on('text', on.text);
  parser.write(text).close();
}

function openWorkbook(
  fileName: string,
  bytes: Uint8Array,
): { sheets: XlsxSheet[]; shared: string[] } {
  let workbook: string | null;
  try {
    workbook = entryText(bytes, 'xl/workbook.xml');
  } catch {
    throw new UnreadableFileError(
      fileName,
      'this is not a readable XLSX workbook (the zip is damaged)',
    );
  }
  if (!workbook) throw new UnreadableFileError(fileName, 'this zip file is not an XLSX workbook');
  const targets = new Map<string, string>();
  parseXml(entryText(bytes, 'xl/_rels/workbook.xml.rels') ?? '<Relationships/>', {
    open: (tag) => {
      if (localName(tag.name) === 'Relationship')
        targets.set(tag.attributes.Id ?? '', tag.attributes.Target ?? '');
    },
  });
  const sheets: XlsxSheet[] = [];
  parseXml(workbook, {
    open: (tag) => {
      if (localName(tag.name) !== 'sheet') return;
      const target = targets.get(tag.attributes['r:id'] ?? '') ?? '';
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      sheets.push({ name: tag.attributes.name ?? path, path });
    },
  });
  const shared: string[] = [];
  let inItem = false;
  let inText = false;
  let inPhonetic = false;
  let current = '';
  parseXml(entryText(bytes, 'xl/sharedStrings.xml') ?? '<sst/>', {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === 'si') {
        inItem = true;
        current = '';
      } else if (name === 'rPh') inPhonetic = true;
      else if (name === 't') inText = inItem && !inPhonetic;
    },
    close: (name) => {
      if (name === 'si') {
        shared.push(current);
        inItem = false;
      } else if (name === 'rPh') inPhonetic = false;
      else if (name === 't') inText = false;
    },
    text: (text) => {
      if (inText) current += text;
    },
  });
  return { sheets, shared };
}

/** Column letters of a cell reference (`AB12`) as a zero-based index. */
export function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

class StopReading extends Error {}

export type SheetReader = {
  sheets: XlsxSheet[];
  /**
   * Streams the rows of a sheet to `onRows` in batches (awaited between slices of the file);
   * `maxRows` stops early, for a preview.
   */
  read: (
    sheetName: string,
    onRows: (rows: RawRecord[]) => Promise<void> | void,
    options?: { maxRows?: number; signal?: AbortSignal; onProgress?: (fraction: number) => void },
  ) => Promise<void>;
};

export function openXlsx(fileName: string, bytes: Uint8Array): SheetReader {
  const { sheets, shared } = openWorkbook(fileName, bytes);
  if (sheets.length === 0) throw new UnreadableFileError(fileName, 'the workbook has no sheets');
  return {
    sheets,
    read: async (sheetName, onRows, options = {}) => {
      const sheet = sheets.find((candidate) => candidate.name === sheetName);
      if (!sheet)
        throw new UnreadableFileError(fileName, `the workbook has no sheet named “${sheetName}”`);
      const rows: RawRecord[] = [];
      let read = 0;
      let row: { line: number; cells: string[] } | null = null;
      let cell: { column: number; type: string; value: string; inline: string } | null = null;
      let capture: 'v' | 't' | null = null;
      const parser = new SaxesParser();
      parser.on('opentag', (tag) => {
        const name = localName(tag.name);
        if (name === 'row') {
          row = { line: Number(tag.attributes.r ?? read + 1), cells: [] };
        } else if (name === 'c' && row) {
          const reference = tag.attributes.r;
          cell = {
            column: reference ? columnIndex(reference) : row.cells.length,
            type: tag.attributes.t ?? 'n',
            value: '',
            inline: '',
          };
        } else if (cell && (name === 'v' || name === 't')) capture = name;
      });
      parser.on('text', (text) => {
        if (!cell || !capture) return;
        if (capture === 'v') cell.value += text;
        else cell.inline += text;
      });
      parser.on('closetag', (tag) => {
        const name = localName(tag.name);
        if (name === 'v' || name === 't') capture = null;
        else if (name === 'c' && cell && row) {
          const text =
            cell.type === 's'
              ? (shared[Number(cell.value)] ?? '')
              : cell.type === 'inlineStr'
                ? cell.inline
                : cell.type === 'b'
                  ? cell.value === '1'
                    ? 'TRUE'
                    : 'FALSE'
                  : cell.value;
          while (row.cells.length < cell.column) row.cells.push('');
          row.cells[cell.column] = text;
          cell = null;
        } else if (name === 'row' && row) {
          rows.push(row);
          read += 1;
          row = null;
          if (options.maxRows !== undefined && read >= options.maxRows) throw new StopReading();
        }
      });
      const decoder = new TextDecoder('utf-8');
      let found = false;
      const unzip = new Unzip((file) => {
        if (file.name !== sheet.path) return;
        found = true;
        file.ondata = (error, chunk, final) => {
          if (error) throw error;
          parser.write(decoder.decode(chunk, { stream: !final }));
          if (final) parser.close();
        };
        file.start();
      });
      unzip.register(UnzipInflate);
      const slice = 256 * 1024;
      try {
        for (let offset = 0; offset < bytes.length; offset += slice) {
          options.signal?.throwIfAborted();
          unzip.push(bytes.subarray(offset, offset + slice), offset + slice >= bytes.length);
          if (rows.length > 0) await onRows(rows.splice(0));
          options.onProgress?.(Math.min(1, (offset + slice) / bytes.length));
        }
      } catch (error) {
        if (!(error instanceof StopReading)) {
          if (error instanceof UnreadableFileError || (error as Error).name === 'AbortError')
            throw error;
          throw new UnreadableFileError(
            fileName,
            `the sheet “${sheetName}” cannot be read: ${(error as Error).message}`,
          );
        }
      }
      if (rows.length > 0) await onRows(rows.splice(0));
      if (!found)
        throw new UnreadableFileError(
          fileName,
          `the sheet “${sheetName}” is missing from the workbook`,
        );
    },
  };
}
