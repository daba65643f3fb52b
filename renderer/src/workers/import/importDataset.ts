/**
 * Importing a customs file into an investigation: runs in the import worker (never on the UI thread)
 * and, for the tests, in plain Node. The dataset row is written first as `importing`, its blocks as
 * they fill, and the last step flips it to `complete` together with the original file; anything that
 * stops an import on the way removes what it wrote.
 */
import { canonicalOrigin, knownOrigins } from '#shared/customs/corroboration';
import { BLOCK_ROWS, buildBlock, DatasetDictionaries } from '#shared/customs/blocks';
import { headerSignature, missingRequiredFields } from '#shared/customs/columnMapping';
import type { SavedLayout } from '#shared/customs/layout';
import type { Dataset } from '#shared/customs/dataset';
import type { DayMonthOrder } from '#shared/customs/dates';
import { normaliseRow } from '#shared/customs/normaliseRow';
import {
  PROBE_BYTES,
  probeFile,
  probeForReading,
  type FileProbe,
  type ProbeOverrides,
} from '#shared/customs/probe';
import { readCustomsFile, type FileSource } from '#shared/customs/readCustomsFile';
import type { Shipment } from '#shared/customs/shipment';
import { UnreadableFileError } from '#shared/customs/unreadable';
import { recordChange } from '../../db/audit';
import type { InvestigationDb } from '../../db/schema';
import { addFileRecord, removeUnrecordedParts } from '../../db/storedFiles';
import { ensureRoom, isQuotaError, ranOutMessage } from '../../db/storageRoom';
import { blobChunks, sha256Hex } from '../../lib/bytes';
import { WritesInTurn } from '../writesInTurn';
import { writerFor, type ImportWriter } from './importWriter';
import type { ImportChoices, ImportPreview, ImportProgress } from './importTypes';

/** The file's bytes for its reader: streamed, or whole as its probe read them (a workbook's). */
const sourceOf = (file: Blob, whole: () => Promise<Uint8Array>): FileSource => ({
  chunks: () => blobChunks(file),
  bytes: whole,
});

/** The start of `file`, and its whole bytes (a workbook's), each read once however often asked. */
function blobReads(file: Blob) {
  let head: Promise<Uint8Array> | null = null;
  let whole: Promise<Uint8Array> | null = null;
  return {
    head: () =>
      (head ??= file
        .slice(0, PROBE_BYTES)
        .arrayBuffer()
        .then((bytes) => new Uint8Array(bytes))),
    whole: () => (whole ??= file.arrayBuffer().then((bytes) => new Uint8Array(bytes))),
  };
}

/** Probes a file, as often as asked (another header row, another encoding). */
function blobProber(
  file: Blob,
  fileName: string,
): (overrides: ProbeOverrides) => Promise<FileProbe> {
  const reads = blobReads(file);
  return async (overrides) =>
    probeFile(fileName, await reads.head(), file.size, reads.whole, overrides);
}

/** How many other header rows of remembered layouts a preview tries. */
const MAX_LAYOUT_HEADER_ROWS = 5;

/**
 * The file's probe and the layout remembered for its headers, if any: at the detected header row,
 * or at a row a remembered layout's user chose (a title row the detection did not skip).
 */
async function probeWithLayout(
  file: Blob,
  fileName: string,
  overrides: ProbeOverrides,
  layouts: readonly SavedLayout[],
): Promise<{ probe: FileProbe; layout: SavedLayout | null }> {
  const bySignature = new Map(layouts.map((layout) => [layout.signature, layout]));
  const probeAt = blobProber(file, fileName);
  const probe = await probeAt(overrides);
  const layout = bySignature.get(headerSignature(probe.headers));
  if (layout || overrides.headerLine !== undefined) return { probe, layout: layout ?? null };
  const otherLines = [...new Set(layouts.map((candidate) => candidate.headerLine))]
    .filter((line) => line !== probe.headerLine)
    .slice(0, MAX_LAYOUT_HEADER_ROWS);
  for (const headerLine of otherLines) {
    const other = await probeAt({ ...overrides, headerLine }).catch(() => null);
    const found = other && bySignature.get(headerSignature(other.headers));
    if (other && found) return { probe: other, layout: found };
  }
  return { probe, layout: null };
}

/**
 * What an import would do with the file: how it is read (a remembered layout's decisions over the
 * detected ones) and its first rows. `layouts` are the app's remembered layouts.
 */
export async function previewImport(
  db: InvestigationDb,
  file: Blob,
  fileName: string,
  overrides: ProbeOverrides = {},
  layouts: readonly SavedLayout[] = [],
): Promise<ImportPreview> {
  const { probe, layout } = await probeWithLayout(file, fileName, overrides, layouts);
  const decided = layout
    ? {
        mapping: layout.mapping,
        dayMonthOrder: layout.dayMonthOrder,
        dayMonthOrderWhy: 'remembered' as const,
        decimalComma: layout.decimalComma,
        defaultCurrency: layout.defaultCurrency,
      }
    : probe;
  const settings = {
    ...probe,
    ...decided,
    // Rows are previewed either way; the dialog shows their dates as written until the user chooses.
    dayMonthOrder: decided.dayMonthOrder ?? 'DMY',
    columnCount: probe.headers.length,
  };
  const rows = probe.preview.map(({ line, cells }) => ({
    rowNumber: line,
    ...normaliseRow(line, cells, settings),
  }));
  const sameSize = await db.datasets
    .filter((dataset) => dataset.size === file.size && dataset.status === 'complete')
    .toArray();
  const hash = sameSize.length > 0 ? await sha256Hex(file) : null;
  const same = sameSize.find((dataset) => dataset.fileSha256 === hash);
  return {
    ...probe,
    ...decided,
    rememberedAt: layout?.updatedAt ?? null,
    missingRequired: missingRequiredFields(decided.mapping),
    fileName,
    size: file.size,
    rows,
    sameBytesAs: same ? same.fileName : null,
  };
}

/**
 * Bytes stored per byte of the file, about: the original and its blocks (1.3 for the benchmark's
 * CSV files); a workbook's packed cells too, and it is compressed, so its rows take several times
 * its size.
 */
const STORED_PER_BYTE = { delimited: 1.5, xlsx: 10 } as const;

/** Removes a dataset and everything stored for it. */
export async function removeDatasetRecords(db: InvestigationDb, datasetId: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.datasets, db.shipmentBlocks, db.shipmentCells, db.rowProblems],
    async () => {
      await db.shipmentBlocks.where('datasetId').equals(datasetId).delete();
      await db.shipmentCells.where('datasetId').equals(datasetId).delete();
      await db.rowProblems.where('datasetId').equals(datasetId).delete();
      await db.datasets.delete(datasetId);
    },
  );
}

/** Rolls back imports that a crash or a closed window cut short; returns their file names. */
export async function rollBackInterruptedImports(db: InvestigationDb): Promise<string[]> {
  const interrupted = await db.datasets.where('status').equals('importing').toArray();
  for (const dataset of interrupted) await removeDatasetRecords(db, dataset.id);
  await removeUnrecordedParts(db);
  return interrupted.map((dataset) => dataset.fileName);
}

export async function importDataset(
  db: InvestigationDb,
  file: Blob,
  fileName: string,
  choices: ImportChoices,
  options: {
    onProgress?: (progress: ImportProgress) => void;
    signal?: AbortSignal;
    /** Who stores the blocks and prepares the file, if not this thread: the import's writer. */
    writer?: ImportWriter;
  } = {},
): Promise<Dataset> {
  const reads = blobReads(file);
  const probe = await probeForReading(
    fileName,
    await reads.head(),
    file.size,
    reads.whole,
    choices,
  );
  const missing = missingRequiredFields(choices.mapping);
  if (missing.length > 0)
    throw new UnreadableFileError(fileName, `no column is mapped to ${missing.join(' or ')}`);
  await ensureRoom(`Importing “${fileName}”`, file.size * STORED_PER_BYTE[probe.format]);
  const dataset: Dataset = {
    id: crypto.randomUUID(),
    fileName,
    fileSha256: '',
    size: file.size,
    vendor: choices.vendor.trim(),
    // As the investigation already writes it, when it states this origin (see knownOrigins).
    origin: canonicalOrigin(choices.origin, knownOrigins(await db.datasets.toArray())),
    importedAt: Date.now(),
    status: 'importing',
    format: probe.format,
    encoding: probe.encoding?.encoding ?? null,
    delimiter: probe.delimiter,
    sheet: probe.sheet,
    headerLine: choices.headerLine,
    headers: probe.headers,
    mapping: choices.mapping,
    dayMonthOrder: choices.dayMonthOrder,
    decimalComma: choices.decimalComma,
    defaultCurrency: choices.defaultCurrency.trim().toUpperCase(),
    counts: { records: 0, accepted: 0, rejected: 0, blank: 0, duplicates: 0 },
    blockCount: 0,
  };
  await db.datasets.add(dataset);

  const started = performance.now();
  let pending: Shipment[] = [];
  let blockNo = 0;
  let lastProgress = 0;
  const writer = options.writer ?? writerFor(db);
  const writes = new WritesInTurn();
  // A delimited file's raw cells are read again from its original where needed (lineIndex.ts).
  const lines =
    probe.format === 'delimited' && probe.encoding && probe.delimiter
      ? probe.encoding.encoding
      : null;
  // Hashed (its lines indexed as it is), sealed and stored beside the parsing, once: the file's
  // hash is the one its record gets. (A chosen file is a snapshot: a file changed on disk since
  // fails to read instead of reading otherwise, so the bytes stored are the bytes parsed.)
  const stopStoring = new AbortController();
  const storing = writer.storeFile(file, fileName, lines, stopStoring.signal);
  storing.catch(() => undefined);
  const dictionaries = new DatasetDictionaries();
  const writeBlock = async (shipments: Shipment[]) => {
    const built = buildBlock(dataset.id, blockNo, shipments, dictionaries, !lines);
    blockNo += 1;
    await writes.next(() => writer.storeBlock(built));
  };
  try {
    const summary = await readCustomsFile(sourceOf(file, reads.whole), fileName, probe, choices, {
      signal: options.signal,
      batchSize: BLOCK_ROWS,
      onBatch: async (shipments, rejected) => {
        options.signal?.throwIfAborted();
        pending = pending.concat(shipments);
        while (pending.length >= BLOCK_ROWS) {
          await writeBlock(pending.slice(0, BLOCK_ROWS));
          pending = pending.slice(BLOCK_ROWS);
        }
        if (rejected.length > 0) {
          await db.rowProblems.bulkAdd(rejected.map((row) => ({ datasetId: dataset.id, ...row })));
        }
      },
      onProgress: (bytesRead, records) => {
        const now = performance.now();
        if (now - lastProgress < 200 && bytesRead < file.size) return;
        lastProgress = now;
        const seconds = (now - started) / 1000;
        options.onProgress?.({
          bytesRead,
          totalBytes: file.size,
          records,
          rowsPerSecond: seconds > 0 ? Math.round(records / seconds) : 0,
        });
      },
    });
    options.signal?.throwIfAborted();
    if (pending.length > 0) await writeBlock(pending);
    await writes.settled();
    if (summary.accepted === 0 && summary.rejected === 0) {
      throw new UnreadableFileError(
        fileName,
        'the file has a header but no records',
        choices.headerLine,
      );
    }
    const { file: stored, lineIndex } = await storing;
    const complete: Dataset = {
      ...dataset,
      status: 'complete',
      fileSha256: stored.sha256,
      counts: {
        records: summary.records,
        accepted: summary.accepted,
        rejected: summary.rejected,
        blank: summary.blank,
        duplicates: summary.duplicates,
      },
      blockCount: blockNo,
      ...(lineIndex && { lineIndex }),
    };
    // The import is audited like any change: what was declared for the file, by whom and when.
    await db.transaction('rw', [db.datasets, db.files, db.fileParts, db.audit], async () => {
      await addFileRecord(db, stored);
      await db.datasets.put(complete);
      await recordChange(db, 'datasets', complete.id, 'create', null, {
        fileName: complete.fileName,
        fileSha256: complete.fileSha256,
        vendor: complete.vendor,
        origin: complete.origin,
      });
    });
    return complete;
  } catch (error) {
    await writes.settled().catch(() => undefined);
    // Its storing stops at the next part and removes what it wrote; a file stored whole goes here,
    // once none of its parts is being written.
    stopStoring.abort();
    const stored = await storing.catch(() => null);
    await removeDatasetRecords(db, dataset.id);
    if (stored) await removeUnrecordedParts(db, stored.file.sha256);
    throw isQuotaError(error) ? new Error(ranOutMessage(`importing “${fileName}”`)) : error;
  }
}

/**
 * The choices an import takes when the user changes nothing in the preview; a file whose date
 * order its data cannot decide needs `dayMonthOrder` said.
 */
export const choicesFromPreview = (
  preview: ImportPreview,
  labels: { vendor?: string; origin?: string; dayMonthOrder?: DayMonthOrder } = {},
): ImportChoices => {
  const dayMonthOrder = labels.dayMonthOrder ?? preview.dayMonthOrder;
  if (!dayMonthOrder) throw new Error(`${preview.fileName}: the date order must be chosen`);
  return {
    ...(preview.sheet ? { sheet: preview.sheet } : {}),
    mapping: preview.mapping,
    headerLine: preview.headerLine,
    dayMonthOrder,
    decimalComma: preview.decimalComma,
    defaultCurrency: preview.defaultCurrency,
    vendor: labels.vendor ?? '',
    origin: labels.origin ?? '',
  };
};
