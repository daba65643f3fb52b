import { isBlankRecord, type RawRecord } from './delimitedReader';
import { FirstLines } from './firstLines';
import { normaliseRow, type RowSettings } from './normaliseRow';
import type { RejectedRow, Shipment } from './shipment';

export type ReadCounts = {
  records: number;
  accepted: number;
  rejected: number;
  blank: number;
  duplicates: number;
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
 * Where a reader's records go, whatever the file format: title rows, the header and blank rows are
 * skipped, the rest normalised, exact duplicates flagged, and rows handed on in batches.
 */
export class RowSink {
  readonly counts: ReadCounts = { records: 0, accepted: 0, rejected: 0, blank: 0, duplicates: 0 };
  private shipments: Shipment[] = [];
  private rejected: RejectedRow[] = [];
  private readonly seen = new FirstLines();

  constructor(
    private readonly settings: RowSettings & { headerLine: number },
    private readonly onBatch: (shipments: Shipment[], rejected: RejectedRow[]) => Promise<void>,
    private readonly batchSize: number,
  ) {}

  take(records: readonly RawRecord[]): void {
    for (const { line, cells } of records) {
      if (line <= this.settings.headerLine) continue;
      if (isBlankRecord(cells)) {
        this.counts.blank += 1;
        continue;
      }
      this.counts.records += 1;
      const result = normaliseRow(line, cells, this.settings);
      if ('problems' in result) {
        this.counts.rejected += 1;
        this.rejected.push({ rowNumber: line, cells, problems: result.problems });
        continue;
      }
      const first = this.seen.firstOrRemember(recordHash(cells), line);
      if (first !== undefined) {
        result.shipment.duplicateOf = first;
        this.counts.duplicates += 1;
      }
      this.counts.accepted += 1;
      this.shipments.push(result.shipment);
    }
  }

  /** Hands on what has gathered: always when `force`, else once a batch is full. */
  async flush(force: boolean): Promise<void> {
    if (!force && this.shipments.length + this.rejected.length < this.batchSize) return;
    if (this.shipments.length === 0 && this.rejected.length === 0) return;
    const shipments = this.shipments;
    const rejected = this.rejected;
    this.shipments = [];
    this.rejected = [];
    await this.onBatch(shipments, rejected);
  }
}
