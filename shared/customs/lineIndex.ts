/**
 * A delimited file's raw cells, read again from its stored original where they are needed (a row's
 * details, a dossier's cited rows) instead of being stored beside every block: since schema 23 an
 * import keeps, with the dataset, where some lines start (a line about every 256 KB), and a row's
 * record is parsed again from the line it starts on. Storing the cells doubled what an import
 * sealed and wrote (2.3 MB a block of 10,000 rows, more than the file's own bytes): the import ran
 * at 0.47 of its parse-only floor with them and 0.67 without, on the benchmark's 200,000 rows.
 *
 * Lines are counted as DelimitedReader counts them (LF, CR LF and a lone CR each end one), on the
 * bytes: in every encoding an import reads, a CR or LF byte (a UTF-16 code unit) is that character
 * and nothing else, so counting needs no decoding.
 */
import { DelimitedReader, UnbalancedQuoteError } from './delimitedReader';
import type { TextEncodingName } from './encoding';

/** Lines that start at known bytes: line `line[i]` starts at byte `at[i]`, both increasing. */
export type LineIndex = { at: number[]; line: number[] };

/**
 * About how far apart the index's lines are: a row's record is found in the 256 KB or so after one,
 * mostly inside one of its file's sealed segments of 1 MB (a MiB apart, reading a row's detail
 * opened two segments where one does now: 66-82 ms from the click to the cells shown, not 97-114,
 * on a million rows). A 1.9 GB file's index is some 7,400 lines.
 */
const LINE_INDEX_STEP = 256 * 1024;

const LF = 10;
const CR = 13;

/**
 * Finds where lines start in bytes given in order, a chunk at a time: `onLine` hears each line's
 * number and the byte it starts at (counted from the first chunk's first byte, on line `firstLine`).
 */
class LineStarts {
  /** Bytes pushed so far. */
  private offset = 0;
  private line: number;
  /** A CR ended the bytes so far: one line break with an LF that follows, else one of its own. */
  private pendingCr = false;
  /** UTF-16: the first byte of a code unit that the next chunk ends. */
  private oddByte: number | null = null;
  private readonly units: 'bytes' | 'utf-16le' | 'utf-16be';

  constructor(
    encoding: TextEncodingName,
    private readonly onLine: (line: number, at: number) => void,
    firstLine = 1,
  ) {
    this.units = encoding === 'utf-16le' || encoding === 'utf-16be' ? encoding : 'bytes';
    this.line = firstLine;
  }

  push(chunk: Uint8Array): void {
    if (this.units === 'bytes') this.pushBytes(chunk);
    else this.pushUnits(chunk);
    this.offset += chunk.length;
  }

  /** The bytes have ended: a CR last is a line break of its own. */
  end(): void {
    if (this.pendingCr) this.lineBreak(this.offset);
    this.pendingCr = false;
  }

  /** A line break whose next line starts at byte `next`. */
  private lineBreak(next: number) {
    this.line += 1;
    this.onLine(this.line, next);
  }

  /** Code `code` ending at byte `end`, `width` bytes wide: a CR's or LF's part in line breaks. */
  private unit(code: number, end: number, width: number) {
    if (code === LF) {
      this.pendingCr = false;
      this.lineBreak(end);
      return;
    }
    if (this.pendingCr) this.lineBreak(end - width);
    this.pendingCr = code === CR;
  }

  private pushBytes(chunk: Uint8Array) {
    const base = this.offset;
    if (this.pendingCr && chunk.length > 0 && chunk[0] !== LF) {
      this.pendingCr = false;
      this.lineBreak(base);
    }
    // Files end lines with LF or CR LF; only a lone CR (old Mac files) takes the byte-wise path.
    let trailingCr = false;
    for (let cr = chunk.indexOf(CR); cr !== -1; cr = chunk.indexOf(CR, cr + 1)) {
      if (cr === chunk.length - 1) trailingCr = true;
      else if (chunk[cr + 1] !== LF) {
        for (let at = 0; at < chunk.length; at += 1) this.unit(chunk[at], base + at + 1, 1);
        return;
      }
    }
    if (chunk.length > 0) this.pendingCr = false;
    for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, lf + 1))
      this.lineBreak(base + lf + 1);
    if (trailingCr) this.pendingCr = true;
  }

  private pushUnits(chunk: Uint8Array) {
    const littleEndian = this.units === 'utf-16le';
    const code = (first: number, second: number) =>
      littleEndian ? first | (second << 8) : (first << 8) | second;
    let at = 0;
    if (this.oddByte !== null && chunk.length > 0) {
      this.unit(code(this.oddByte, chunk[0]), this.offset + 1, 2);
      this.oddByte = null;
      at = 1;
    }
    for (; at + 1 < chunk.length; at += 2)
      this.unit(code(chunk[at], chunk[at + 1]), this.offset + at + 2, 2);
    if (at < chunk.length) this.oddByte = chunk[at];
  }
}

/** Builds a file's line index from its bytes, a chunk at a time as the import reads them. */
export class LineIndexBuilder {
  private readonly index: LineIndex = { at: [], line: [] };
  private readonly starts: LineStarts;

  constructor(encoding: TextEncodingName, step = LINE_INDEX_STEP) {
    let lastAt = 0;
    this.starts = new LineStarts(encoding, (line, at) => {
      if (at - lastAt < step) return;
      lastAt = at;
      this.index.at.push(at);
      this.index.line.push(line);
    });
  }

  push(chunk: Uint8Array): void {
    this.starts.push(chunk);
  }

  finish(): LineIndex {
    return this.index;
  }
}

/** How many of the index's lines are at or before `line`. */
function linesUpTo(index: LineIndex, line: number): number {
  let low = 0;
  let high = index.line.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (index.line[middle] <= line) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index's last line at or before `line`: where reading for it starts. */
function startFor(index: LineIndex, line: number): { at: number; line: number } {
  const before = linesUpTo(index, line);
  return before === 0
    ? { at: 0, line: 1 }
    : { at: index.at[before - 1], line: index.line[before - 1] };
}

/** Where the index's next line after `line` starts (the file's end after its last). */
function endFor(index: LineIndex, line: number, size: number): number {
  const before = linesUpTo(index, line);
  return before < index.at.length ? index.at[before] : size;
}

/** Lines read together when they are this close: one read, one decoding. */
const SPAN = 8 * LINE_INDEX_STEP;
/** Read past the next indexed line, for a record that goes on beyond it; more where it is longer. */
const RECORD_ROOM = 64 * 1024;

export type RecordSource = {
  /** Bytes `start` to `end` of the stored original. */
  read(start: number, end: number): Promise<Uint8Array>;
  size: number;
  encoding: TextEncodingName;
  delimiter: string;
  index: LineIndex;
};

/**
 * The cells of the records that start on `lines` of a delimited file, parsed again from its bytes
 * as the import parsed them; a line no record starts on (past the end, say) gives none.
 */
export async function recordsOnLines(
  source: RecordSource,
  lines: readonly number[],
): Promise<Map<number, string[]>> {
  const wanted = [...new Set(lines)].filter((line) => line >= 1).sort((a, b) => a - b);
  const found = new Map<number, string[]>();
  let first = 0;
  while (first < wanted.length) {
    const start = startFor(source.index, wanted[first]);
    let last = first + 1;
    while (last < wanted.length && startFor(source.index, wanted[last]).at - start.at <= SPAN)
      last += 1;
    const group = wanted.slice(first, last);
    const next = endFor(source.index, group.at(-1)!, source.size);
    let end = Math.min(source.size, Math.max(next, start.at) + RECORD_ROOM);
    for (;;) {
      const final = end >= source.size;
      const read = readGroup(await source.read(start.at, end), source, start.line, group, final);
      if (read) {
        for (const [line, cells] of read) found.set(line, cells);
        break;
      }
      end = Math.min(source.size, start.at + 2 * (end - start.at));
    }
    first = last;
  }
  return found;
}

/**
 * The record at the start of `text`: null where the text ends before it does, undefined where none
 * can start there (a quote that never closes).
 */
function recordAt(reader: DelimitedReader, text: string, final: boolean) {
  try {
    return reader.recordAt(text, 0, final);
  } catch (error) {
    if (error instanceof UnbalancedQuoteError) return undefined;
    throw error;
  }
}

/** Text decoded from a record's start: some KB first, more where the record goes on. */
const FIRST_DECODED = 64 * 1024;

/**
 * The group's records from `bytes`, which start on line `from`: each found by counting line breaks
 * in the bytes, and only it decoded and parsed. Null where they end too soon.
 */
function readGroup(
  bytes: Uint8Array,
  source: RecordSource,
  from: number,
  group: readonly number[],
  final: boolean,
): Map<number, string[]> | null {
  const starts = new Map<number, number>([[from, 0]]);
  const wanted = new Set(group);
  const lines = new LineStarts(
    source.encoding,
    (line, at) => {
      if (wanted.has(line)) starts.set(line, at);
    },
    from,
  );
  lines.push(bytes);
  if (final) lines.end();
  const reader = new DelimitedReader(source.delimiter);
  const read = new Map<number, string[]>();
  for (const line of group) {
    const at = starts.get(line);
    if (at === undefined || at >= bytes.length) {
      if (final) continue;
      return null;
    }
    for (let end = Math.min(bytes.length, at + FIRST_DECODED); ;) {
      const last = end === bytes.length;
      const text = new TextDecoder(source.encoding).decode(bytes.subarray(at, end), {
        stream: !(last && final),
      });
      const record = recordAt(reader, text, last && final);
      if (record) read.set(line, record.cells);
      if (record !== null) break;
      if (last) {
        if (final) break;
        return null;
      }
      end = Math.min(bytes.length, at + 2 * (end - at));
    }
  }
  return read;
}
