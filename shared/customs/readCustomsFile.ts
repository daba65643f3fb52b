import type { RowSettings } from './normaliseRow';
import type { ReadingProbe } from './probe';
import { readDelimited, type ReadHandlers, type ReadSummary } from './readDelimited';
import { readXlsx } from './readXlsx';

/** A file's bytes as the runtime has them: streamed (delimited text), or whole (a workbook). */
export type FileSource = {
  chunks: () => AsyncIterable<Uint8Array>;
  bytes: () => Promise<Uint8Array>;
};

/** Reads a probed file of either format with the row settings the user chose. */
export function readCustomsFile(
  source: FileSource,
  fileName: string,
  probe: ReadingProbe,
  settings: Omit<RowSettings, 'columnCount' | 'excelDates'> & { headerLine: number },
  handlers: ReadHandlers,
): Promise<ReadSummary> {
  const common = {
    ...settings,
    fileName,
    columnCount: probe.headers.length,
    excelDates: probe.excelDates,
  };
  if (probe.format === 'xlsx') {
    return source
      .bytes()
      .then((bytes) => readXlsx(bytes, { ...common, sheet: probe.sheet ?? '' }, handlers));
  }
  return readDelimited(
    source.chunks(),
    { ...common, encoding: probe.encoding?.encoding ?? 'utf-8', delimiter: probe.delimiter ?? ',' },
    handlers,
  );
}
