import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  DelimitedReader,
  isBlankRecord,
  UnbalancedQuoteError,
  type RawRecord,
} from './delimitedReader';
import type { Delimiter } from './delimiter';
import type { TextEncodingName } from './encoding';
import { normaliseRow, type RowSettings } from './normaliseRow';
import type { RejectedRow, Shipment } from './shipment';
import { UnreadableFileError } from './unreadable';

export type DelimitedSettings = RowSettings & {
  fileName: string;
  encoding: TextEncodingName;
  delimiter: Delimiter;
  headerLine: number;
};

export type ReadSummary = {
  sha256: string;
  size: number;
  records: number;
  accepted: number;
  rejected: number;
  blank: number;
  duplicates: number;
};

export type ReadHandlers = {
  /** Receives accepted and rejected rows in batches; awaited, so a slow writer slows the reader. */
  onBatch: (shipments: Shipment[], rejected: RejectedRow[]) => Promise<void>;
  onProgress?: (bytesRead: number, records: number) => void;
  signal?: AbortSignal;
  batchSize?: number;
};

/** A 53-bit hash of a record's cells, to flag exact duplicates without keeping every record. */
function recordHash(cells: readonly string[]): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const cell of cells) {
    for (let index = 0; index <= cell.length; index += 1) {
      const code = index === cell.length ? 0x1f : cell.charCodeAt(index);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Streams a delimited file: hashes the bytes as they pass, decodes them strictly, parses records
 * with their line numbers, skips title rows, the header and blank rows, and normalises the rest.
 */
export async function readDelimited(
  chunks: AsyncIterable<Uint8Array>,
  settings: DelimitedSettings,
  handlers: ReadHandlers,
): Promise<ReadSummary> {
  const hash = sha256.create();
  const decoder = new TextDecoder(settings.encoding, { fatal: true });
  const reader = new DelimitedReader(settings.delimiter);
  const batchSize = handlers.batchSize ?? 5000;
  const seen = new Map<number, number>();
  const summary = { records: 0, accepted: 0, rejected: 0, blank: 0, duplicates: 0 };
  let shipments: Shipment[] = [];
  let rejected: RejectedRow[] = [];
  let size = 0;

  const take = (records: RawRecord[]) => {
    for (const { line, cells } of records) {
      if (line <= settings.headerLine) continue;
      if (isBlankRecord(cells)) {
        summary.blank += 1;
        continue;
      }
      summary.records += 1;
      const result = normaliseRow(line, cells, settings);
      if ('problems' in result) {
        summary.rejected += 1;
        rejected.push({ rowNumber: line, cells, problems: result.problems });
        continue;
      }
      const key = recordHash(cells);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, line);
      else {
        result.shipment.duplicateOf = first;
        summary.duplicates += 1;
      }
      summary.accepted += 1;
      shipments.push(result.shipment);
    }
  };
  const flush = async (force: boolean) => {
    if (!force && shipments.length + rejected.length < batchSize) return;
    if (shipments.length === 0 && rejected.length === 0) return;
    const batch = [shipments, rejected] as const;
    shipments = [];
    rejected = [];
    await handlers.onBatch(...batch);
  };
  const lineOfError = (error: unknown): never => {
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
    hash.update(chunk);
    size += chunk.length;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new UnreadableFileError(
        settings.fileName,
        `bytes after record ${summary.records} are not valid ${settings.encoding}: choose another encoding`,
      );
    }
    try {
      take(reader.push(text));
    } catch (error) {
      lineOfError(error);
    }
    handlers.onProgress?.(size, summary.records);
    await flush(false);
  }
  try {
    take(reader.push(decoder.decode()));
    take(reader.finish());
  } catch (error) {
    lineOfError(error);
  }
  await flush(true);
  handlers.onProgress?.(size, summary.records);
  return { sha256: bytesToHex(hash.digest()), size, ...summary };
}
