/**
 * The benchmark page (built only by `npm run bench`, never shipped): runs the real import worker and
 * the real shipment engine in Chromium, and reports figures to scripts/bench.ts.
 */
import * as Comlink from 'comlink';
import {
  emptyShipmentFilter,
  type ShipmentFilter,
  type ShipmentSort,
} from '#shared/customs/shipmentFilter';
import { sortOrder } from '#shared/customs/sortOrder';
import { createInvestigation } from '../src/features/investigations/investigationMutations';
import { investigationDb, openStoredKeys } from '../src/db/databases';
import type { DbAccess, InvestigationDb } from '../src/db/schema';
import { choicesFromPreview } from '../src/workers/import/importDataset';
import {
  importFile as importInWorker,
  previewImport,
} from '../src/case/datasets/importWorkerClient';
import { shipmentWorker } from '../src/case/shipments/shipmentWorkerClient';
import { openPdf, pdfjs } from '../src/case/documents/pdfjs';
import { pageImage } from '../src/case/documents/ocrDocument';
import { startOcrEngine } from '../src/case/documents/ocrEngine';
import type { BenchWorkerApi } from './benchWorker';
import { corroboration } from './corroborationBench';
import { dossier } from './dossierBench';
import { archive } from './archiveBench';
import { sanctions } from './sanctionsBench';
import { phase } from './benchPhase';

const benchWorker = () =>
  new Worker(new URL('./benchWorker.ts', import.meta.url), { type: 'module' });

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

let file: Blob = new Blob();
let db: InvestigationDb | null = null;
let access: DbAccess = { investigationId: '' };
let rows = 0;

/** Step 1: fetch the generated file and make an investigation for it. */
async function prepare(url: string) {
  file = await (await fetch(url)).blob();
  db = investigationDb(await createInvestigation('Benchmark'));
  access = db.access;
  return { bytes: file.size };
}

/** Step 2: the floors, each in a worker of its own that is ended afterwards. */
async function floors() {
  const thread = benchWorker();
  const worker = Comlink.wrap<BenchWorkerApi>(thread);
  const parseOnly = await worker.parseOnly(access, file);
  const writeOnly = await worker.writeOnly(access, file, 200_000);
  thread.terminate();
  return { parseOnly, writeOnly };
}

/** Step 3: the import as the app runs it, watching the UI thread for long tasks. */
const importFile = () => phase('import', importTimed);

async function importTimed() {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) =>
    list.getEntries().forEach((entry) => longTasks.push(entry.duration)),
  );
  observer.observe({ type: 'longtask', buffered: false });
  if (!db) throw new Error('Prepare the benchmark first.');
  const preview = await previewImport(db, file, 'vendor-a.csv', {});
  if (!preview.ok) throw new Error(preview.message);
  let progressEvents = 0;
  const started = performance.now();
  const result = await importInWorker(
    db,
    file,
    'vendor-a.csv',
    choicesFromPreview(preview.value),
    () => {
      progressEvents += 1;
    },
  );
  const importMs = performance.now() - started;
  observer.disconnect();
  if (!result.ok) throw new Error(result.message);
  rows = result.value.counts.accepted;
  return {
    investigationId: access.investigationId,
    rows,
    importMs,
    progressEvents,
    longTasks: { count: longTasks.length, maxMs: Math.max(0, ...longTasks) },
  };
}

const byDate: ShipmentSort = { column: 'date', direction: 'asc' };

/**
 * A value column's sort order for as many rows, built by the engine's radix sort and, as the
 * baseline, by the comparator sort it replaced.
 */
function sortFloor() {
  const values = Float64Array.from({ length: rows }, (_, index) =>
    index % 50 === 0 ? NaN : ((index * 7919) % 1_000_003) / 100,
  );
  let started = performance.now();
  sortOrder(values);
  const radixSortMs = performance.now() - started;
  started = performance.now();
  Int32Array.from({ length: rows }, (_, index) => index).sort((a, b) => {
    const [ka, kb] = [values[a], values[b]];
    if (Number.isNaN(ka)) return Number.isNaN(kb) ? a - b : 1;
    if (Number.isNaN(kb)) return -1;
    return ka - kb || a - b;
  });
  return { radixSortMs, comparatorSortMs: performance.now() - started };
}

/** A query timed to its first page of rows; one at a time, so never superseded (never null). */
const firstPage = (
  worker: ReturnType<typeof shipmentWorker>,
  filter: ShipmentFilter,
  sort: ShipmentSort = byDate,
) =>
  timed(async () => {
    const summary = await worker.query(filter, sort);
    if (summary!.count > 0 && summary!.firstRows.length === 0) throw new Error('no first page');
    return summary!.count;
  });

const partyAndDate: ShipmentFilter = {
  ...emptyShipmentFilter,
  party: 'poly tech',
  dateFrom: '2022-01-01',
  dateTo: '2022-12-31',
};
const descriptionWords: ShipmentFilter = { ...emptyShipmentFilter, words: 'helicopter rotor' };

/** Step 4: the engine: load, then the filters a researcher runs often, each to its first page of rows. */
async function engine() {
  const worker = shipmentWorker();
  const load = await timed(() => worker.sync(access, 'bench', '', ''));
  const page = (filter: ShipmentFilter, sort?: ShipmentSort) => firstPage(worker, filter, sort);
  await page(emptyShipmentFilter); // builds the date order once, as the first view of the table does
  const everything = await page(emptyShipmentFilter);
  const partyDate = await page(partyAndDate);
  const words = await page(descriptionWords);
  // Clearing the filters and pressing End: the whole result again, then its last row.
  const last = await timed(async () => {
    await worker.query(emptyShipmentFilter, { column: 'date', direction: 'asc' });
    const [row] = await worker.rows(rows - 1, 1);
    return row?.rowNumber ?? 0;
  });
  // Sorted by weight for the first time right after the filters above, while the background may
  // still be building its order (then finished for this query).
  const byWeightCold = await page(emptyShipmentFilter, { column: 'weightKg', direction: 'asc' });
  // A few seconds after the load, as a user's first sort comes: the background orders are built.
  const prepared = await timed(() => worker.ordersPrepared());
  // Sorted by value for the first time: its order was built in the background after the load.
  const byValue = await page(emptyShipmentFilter, { column: 'value', direction: 'desc' });
  // Then by weight: the same filter, so its rows and totals are reordered, not counted again.
  const byWeight = await page(emptyShipmentFilter, { column: 'weightKg', direction: 'asc' });
  return {
    loadMs: load.ms,
    allFirstPageMs: everything.ms,
    valueSortFirstPageMs: byValue.ms,
    weightSortColdFirstPageMs: byWeightCold.ms,
    ordersPreparedAfterMs: prepared.ms,
    sortChangeFirstPageMs: byWeight.ms,
    ...sortFloor(),
    partyDateFirstPageMs: partyDate.ms,
    partyDateCount: partyDate.value,
    wordsFirstPageMs: words.ms,
    wordsCount: words.value,
    lastRowMs: last.ms,
    lastRowNumber: last.value,
  };
}

/**
 * Step 5, in a browser reopened on the profile the import wrote (as a researcher opening the case
 * another day): the investigation's keys read, the engine loaded cold, then the two filters above.
 */
async function coldEngine(investigationId: string) {
  await openStoredKeys({ id: investigationId, name: 'Benchmark' });
  const { access: caseAccess, name } = investigationDb({ id: investigationId });
  const worker = shipmentWorker();
  const load = await timed(() => worker.sync(caseAccess, 'bench', '', ''));
  await firstPage(worker, emptyShipmentFilter); // the table's first view
  const partyDate = await firstPage(worker, partyAndDate);
  const words = await firstPage(worker, descriptionWords);
  // After the load, so that the load is measured first in the reopened browser.
  const floor = await storedBlocksRead(name);
  return {
    rows: load.value,
    loadMs: load.ms,
    partyDateMs: partyDate.ms,
    wordsMs: words.ms,
    floorMs: floor.ms,
    floorBytes: floor.bytes,
  };
}

/**
 * The cold load's floor: every stored block of the case read with plain IndexedDB, 8 records a
 * read and two reads in flight, as the engine's load reads them; nothing opened, decoded or copied.
 * (Reading 1 to 8 records at a time with 1 to 8 reads in flight gave the same rate here.)
 */
async function storedBlocksRead(name: string): Promise<{ ms: number; bytes: number }> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('The case database did not open.'));
  });
  const request = <T>(ask: (store: IDBObjectStore) => IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      const asked = ask(idb.transaction('shipmentBlocks').objectStore('shipmentBlocks'));
      asked.onsuccess = () => resolve(asked.result);
      asked.onerror = () => reject(asked.error ?? new Error('A floor read failed.'));
    });
  const keys = await request((store) => store.getAllKeys());
  const started = performance.now();
  let bytes = 0;
  let next = 0;
  const reader = async () => {
    while (next < keys.length) {
      const from = next;
      next = Math.min(keys.length, next + 8);
      const range = IDBKeyRange.bound(keys[from], keys[next - 1]);
      const records = await request((store) => store.getAll(range));
      for (const record of records as Record<string, unknown>[])
        for (const field of Object.values(record))
          if (ArrayBuffer.isView(field)) bytes += field.byteLength;
    }
  };
  await Promise.all([reader(), reader()]);
  const ms = performance.now() - started;
  idb.close();
  return { ms, bytes };
}

/**
 * The floor for the PDF figures: pdf.js alone, on a worker started ahead (as the app's viewer
 * worker is), loading a document and drawing its first page, canvas and text layer, as the viewer
 * does. One run: scripts/bench.ts runs it in three fresh pages, so that it starts as cold as the app.
 */
async function pdfFloor(url: string) {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const worker = new pdfjs.PDFWorker();
  await worker.promise;
  const started = performance.now();
  const pdf = await openPdf(bytes, undefined, worker);
  const loadMs = performance.now() - started;
  const page = await pdf.getPage(1);
  const viewport = page.getViewport({ scale: 1.25 });
  const canvas = document.createElement('canvas');
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  const container = document.createElement('div');
  document.body.append(canvas, container);
  const drawn = page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport });
  const textContentSource = await page.getTextContent();
  await new pdfjs.TextLayer({ textContentSource, container, viewport }).render();
  await drawn.promise;
  // To the frame that shows it, as the app's figure is measured.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const firstPageMs = performance.now() - started;
  await pdf.destroy();
  worker.destroy();
  return { loadMs, firstPageMs };
}

/**
 * The OCR floor: tesseract.js alone (its worker started, English loaded, the page read) on the
 * image the app reads, the scan's page drawn at 300 dpi, three times; the median.
 */
async function ocrFloor(url: string) {
  const pdf = await openPdf(new Uint8Array(await (await fetch(url)).arrayBuffer()));
  const image = await pageImage(pdf, 1);
  const times: number[] = [];
  let words = 0;
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    const engine = await startOcrEngine([{ code: 'eng' }]);
    words = (await engine.recognise(image, () => undefined)).length;
    times.push(performance.now() - started);
    await engine.stop();
  }
  await pdf.destroy();
  // The image is a PGM: "P5 <width> <height> 255" opens it.
  const [, width, height] = (await image.slice(0, 32).text()).split(/\s+/);
  return { ms: times.sort((a, b) => a - b)[1] ?? 0, words, width, height };
}

const bench = {
  prepare,
  floors,
  importFile,
  engine,
  coldEngine,
  pdfFloor,
  ocrFloor,
  corroboration,
  dossier,
  archive,
  sanctions,
};
export type BenchApi = typeof bench;

declare global {
  interface Window {
    waybillBench: typeof bench;
  }
}
window.waybillBench = bench;
document.getElementById('status')!.textContent = 'ready';
