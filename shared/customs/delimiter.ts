import { DelimitedReader, isBlankRecord } from './delimitedReader';

export const delimiters = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof delimiters)[number];

export const delimiterNames: Record<Delimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

/**
 * Picks the delimiter under which the sample's rows most consistently have the same number (more
 * than one) of cells. Title rows above the header count against no candidate: only the most common
 * row width is scored.
 */
export function sniffDelimiter(sample: string): Delimiter {
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of delimiters) {
    const reader = new DelimitedReader(delimiter);
    let records = reader.push(sample);
    try {
      records = records.concat(reader.finish());
    } catch {
      // A sample cut inside a quoted field: score what was read.
    }
    const widths = new Map<number, number>();
    const rows = records.filter((record) => !isBlankRecord(record.cells)).slice(0, 200);
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
