import { DelimitedReader, isBlankRecord } from './delimitedReader';

export const delimiters = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof delimiters)[number];

export const delimiterNames: Record<Delimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

/** Rows a delimiter is judged on: the sample's first that are not blank. */
const JUDGED_ROWS = 200;

/** The sample up to its `lines`th line feed (all of it if it has fewer). */
function firstLines(sample: string, lines: number): string {
  let end = -1;
  for (let line = 0; line < lines; line += 1) {
    end = sample.indexOf('\n', end + 1);
    if (end === -1) return sample;
  }
  return sample.slice(0, end + 1);
}

/**
 * The first JUDGED_ROWS rows of `text` under `delimiter` that are not blank, and whether more
 * follow them.
 */
function judgedRows(text: string, delimiter: Delimiter) {
  const reader = new DelimitedReader(delimiter);
  let records = reader.push(text);
  try {
    records = records.concat(reader.finish());
  } catch {
    // A sample cut inside a quoted field: score what was read.
  }
  const rows = records.filter((record) => !isBlankRecord(record.cells));
  return { rows: rows.slice(0, JUDGED_ROWS), more: rows.length > JUDGED_ROWS };
}

/**
 * Picks the delimiter under which the sample's rows most consistently have the same number (more
 * than one) of cells. Title rows above the header count against no candidate: only the most common
 * row width is scored. Only the first rows are judged, so each delimiter first reads the sample's
 * first lines, and all of it only where they hold too few rows: reading a 2 MB sample four times
 * over took 0.2 s of every preview and import.
 */
export function sniffDelimiter(sample: string): Delimiter {
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: -1 };
  const start = firstLines(sample, 4 * JUDGED_ROWS);
  for (const delimiter of delimiters) {
    // Rows after the first JUDGED_ROWS in `start` prove those to be whole, and the same as in the
    // sample; without them, the last might be cut short.
    const fromStart = judgedRows(start, delimiter);
    const { rows } =
      fromStart.more || start.length === sample.length ? fromStart : judgedRows(sample, delimiter);
    const widths = new Map<number, number>();
    for (const { cells } of rows) widths.set(cells.length, (widths.get(cells.length) ?? 0) + 1);
    let modalWidth = 1;
    let modalCount = 0;
    for (const [width, count] of widths) {
      if (count > modalCount || (count === modalCount && width > modalWidth)) {
        modalWidth = width;
        modalCount = count;
      }
    }
    if (modalWidth < 2 || rows.length === 0) continue;
    const score = (modalCount / rows.length) * 1000 + modalWidth;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
