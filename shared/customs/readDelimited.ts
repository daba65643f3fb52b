import { DelimitedReader, UnbalancedQuoteError } from './delimitedReader';
import type { Delimiter } from './delimiter';
import type { TextEncodingName } from './encoding';
import type { RowSettings } from './normaliseRow';
import { RowSink, type ReadCounts } from './rowSink';
import type { RejectedRow, Shipment } from './shipment';
import { UnreadableFileError } from './unreadable';

export type DelimitedSettings = RowSettings & {
  fileName: string;
  encoding: TextEncodingName;
  delimiter: Delimiter;
  headerLine: number;
};

export type ReadSummary = ReadCounts & { size: number };

export type ReadHandlers = {
  /** Receives accepted and rejected rows in batches; awaited, so a slow writer slows the reader. */
  onBatch: (shipments: Shipment[], rejected: RejectedRow[]) => Promise<void>;
  onProgress?: (bytesRead: number, records: number) => void;
  signal?: AbortSignal;
  batchSize?: number;
};

/**
 * Streams a delimited file: decodes the bytes strictly, parses records with their line numbers and
 * hands them to a RowSink. (The file's hash is the store's work: see importDataset.)
 */
export async function readDelimited(
  chunks: AsyncIterable<Uint8Array>,
  settings: DelimitedSettings,
  handlers: ReadHandlers,
): Promise<ReadSummary> {
  const decoder = new TextDecoder(settings.encoding, { fatal: true });
  const reader = new DelimitedReader(settings.delimiter);
  const sink = new RowSink(settings, handlers.onBatch, handlers.batchSize ?? 5000);
  let size = 0;
  const unbalanced = (error: unknown): never => {
    if (error instanceof UnbalancedQuoteError) {
      throw new UnreadableFileError(
        settings.fileName,
        'a quote opens here and never closes',
        error.line,
      );
    }
    throw error;
  };

  for await (const chunk of chunks) {
    handlers.signal?.throwIfAborted();
    size += chunk.length;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new UnreadableFileError(
        settings.fileName,
        `bytes after record ${sink.counts.records} are not valid ${settings.encoding}: choose another encoding`,
      );
    }
    try {
      sink.take(reader.push(text));
    } catch (error) {
      unbalanced(error);
    }
    handlers.onProgress?.(size, sink.counts.records);
    await sink.flush(false);
  }
  try {
    sink.take(reader.push(decoder.decode()));
    sink.take(reader.finish());
  } catch (error) {
    unbalanced(error);
  }
  await sink.flush(true);
  handlers.onProgress?.(size, sink.counts.records);
  return { size, ...sink.counts };
}
