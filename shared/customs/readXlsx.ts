import type { RowSettings } from './normaliseRow';
import type { ReadHandlers, ReadSummary } from './readDelimited';
import { RowSink } from './rowSink';
import { openXlsx } from './xlsx';

export type XlsxSettings = RowSettings & { fileName: string; sheet: string; headerLine: number };

/** Streams a workbook's sheet through the same RowSink as delimited files. */
export async function readXlsx(
  bytes: Uint8Array,
  settings: XlsxSettings,
  handlers: ReadHandlers,
): Promise<ReadSummary> {
  const sink = new RowSink(settings, handlers.onBatch, handlers.batchSize ?? 5000);
  await openXlsx(settings.fileName, bytes).read(
    settings.sheet,
    async (rows) => {
      // A sheet leaves out empty cells at the end of a row; they are empty cells, not missing columns.
      for (const row of rows) while (row.cells.length < settings.columnCount) row.cells.push('');
      sink.take(rows);
      await sink.flush(false);
    },
    {
      signal: handlers.signal,
      onProgress: (fraction) =>
        handlers.onProgress?.(Math.round(fraction * bytes.length), sink.counts.records),
    },
  );
  await sink.flush(true);
  handlers.onProgress?.(bytes.length, sink.counts.records);
  return { size: bytes.length, ...sink.counts };
}
