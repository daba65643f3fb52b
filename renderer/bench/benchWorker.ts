/// <reference lib="webworker" />
/**
 * The floors the import is measured against, in a worker like the import itself: parsing and
 * normalising alone, and writing ready-made column blocks alone.
 */
import * as Comlink from 'comlink';
import { BLOCK_ROWS, buildBlock, DatasetDictionaries } from '#shared/customs/blocks';
import { readCustomsFile } from '#shared/customs/readCustomsFile';
import type { ReadHandlers } from '#shared/customs/readDelimited';
import type { Shipment } from '#shared/customs/shipment';
import { InvestigationDb, type DbAccess } from '../src/db/schema';
import { choicesFromPreview, previewImport } from '../src/workers/import/importDataset';
import { blobChunks } from '../src/lib/bytes';
import { LineSplitter } from '#shared/sanctions/ftm';

async function read(db: InvestigationDb, file: Blob, handlers: ReadHandlers) {
  const preview = await previewImport(db, file, 'bench.csv');
  const source = {
    chunks: () => blobChunks(file),
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
  };
  return readCustomsFile(source, 'bench.csv', preview, choicesFromPreview(preview), handlers);
}

const api = {
  /** Parse and normalise the whole file, keeping nothing. */
  async parseOnly(access: DbAccess, file: Blob): Promise<{ rows: number; ms: number }> {
    const db = new InvestigationDb(access);
    const started = performance.now();
    const summary = await read(db, file, {
      onBatch: () => Promise.resolve(),
      batchSize: BLOCK_ROWS,
    });
    db.close();
    return { rows: summary.accepted, ms: performance.now() - started };
  },

  /** Write the first `limit` rows as blocks built beforehand: the bare cost of the writes. */
  async writeOnly(
    access: DbAccess,
    file: Blob,
    limit: number,
  ): Promise<{ rows: number; ms: number }> {
    const db = new InvestigationDb(access);
    const built: ReturnType<typeof buildBlock>[] = [];
    let pending: Shipment[] = [];
    let taken = 0;
    const dictionaries = new DatasetDictionaries();
    // A slice can cut its last record in two; the whole blocks before it are what is measured.
    await read(db, file.slice(0, Math.min(file.size, limit * 260)), {
      batchSize: BLOCK_ROWS,
      onBatch: (shipments) => {
        pending = pending.concat(shipments.slice(0, limit - taken));
        taken += Math.min(shipments.length, limit - taken);
        while (pending.length >= BLOCK_ROWS) {
          // As an import of a delimited file builds them: without raw cells (lineIndex.ts).
          const rows = pending.slice(0, BLOCK_ROWS);
          built.push(buildBlock('bench', built.length, rows, dictionaries, false));
          pending = pending.slice(BLOCK_ROWS);
        }
        return Promise.resolve();
      },
    }).catch(() => undefined);
    const started = performance.now();
    for (const { block } of built) await db.shipmentBlocks.add(block);
    const ms = performance.now() - started;
    await db.shipmentBlocks.where('datasetId').equals('bench').delete();
    db.close();
    return { rows: built.length * BLOCK_ROWS, ms };
  },

  /** The sanctions import's floor: every line of a snapshot read and JSON-parsed, nothing kept. */
  async parseSnapshotOnly(file: Blob): Promise<{ lines: number; ms: number }> {
    const started = performance.now();
    const decoder = new TextDecoder();
    let lines = 0;
    const splitter = new LineSplitter(
      (line) => {
        if (line !== '') JSON.parse(line);
        lines += 1;
      },
      () => (lines += 1),
    );
    for await (const chunk of blobChunks(file))
      splitter.push(decoder.decode(chunk, { stream: true }));
    splitter.end();
    return { lines, ms: performance.now() - started };
  },
};

export type BenchWorkerApi = typeof api;
Comlink.expose(api);
