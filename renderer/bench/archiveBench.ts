/**
 * The archive benchmark (built only by `npm run bench`): the corroboration benchmark's investigation
 * (1,000,000 shipments with their original files) plus 50 PDFs, archived and restored by the real
 * archive worker; beside them, the floor: fflate writing a zip of the same bytes, nothing else.
 */
import * as Comlink from 'comlink';
import { Zip, ZipPassThrough } from 'fflate';
import { sha256Hex } from '#shared/dossier/dossierPackage';
import { newLockKeys } from '#shared/lock/sealing';
import { deleteDatabase, indexDb, investigationDb } from '../src/db/databases';
import { deleteInvestigation } from '../src/db/investigationIndex';
import { BlobSink, returningPieces } from '../src/lib/byteSink';
import { storeFile } from '../src/db/storedFiles';
import { turnLockOff, turnLockOn } from '../src/features/lock/lockMutations';
import type { ArchiveWorkerApi } from '../src/workers/archiveWorker';
import type { Investigation } from '#shared/investigation';
import { phase } from './benchPhase';

const PDFS = 50;
const RUNS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
const CHUNK = 4 * 1024 * 1024;

/** 50 distinct PDFs: the long report with a different trailing comment each (still a valid PDF). */
async function addPdfs(investigation: Investigation, url: string): Promise<number> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const db = investigationDb(investigation);
  let total = 0;
  for (let index = 0; index < PDFS; index += 1) {
    const variant = new Uint8Array(bytes.length + 16);
    variant.set(bytes);
    variant.set(
      new TextEncoder().encode(`\n% copy ${String(index).padStart(5, '0')}\n`),
      bytes.length,
    );
    const sha256 = sha256Hex(variant);
    // Through storeFile, as every writer of files: every case's files are sealed.
    const blob = new Blob([variant], { type: 'application/pdf' });
    const meta = { sha256, name: `report-${index}.pdf`, mime: 'application/pdf' };
    await storeFile(db, meta, blob);
    total += variant.length;
  }
  return total;
}

/**
 * A file on disk written as the app saves an archive in browser mode (browserPlatform.ts): through a
 * file handle's writable stream, here of a file in the origin's private file system.
 */
async function diskFile(name: string) {
  const handle = await (
    await navigator.storage.getDirectory()
  ).getFileHandle(name, {
    create: true,
  });
  const writable = await handle.createWritable();
  return {
    write: (piece: Uint8Array) => writable.write(piece as Uint8Array<ArrayBuffer>),
    close: async (): Promise<File> => {
      await writable.close();
      return handle.getFile();
    },
  };
}

/**
 * The floor: fflate writing a stored zip of the same number of bytes, read from the archive, into a
 * file on disk as the export writes its own.
 */
async function zipFloor(file: Blob): Promise<number> {
  const started = performance.now();
  const out = await diskFile('floor.zip');
  let parts: Uint8Array[] = [];
  const zip = new Zip((_error, chunk) => parts.push(chunk));
  for (let offset = 0; offset < file.size; offset += CHUNK) {
    const entry = new ZipPassThrough(`part-${offset}`);
    zip.add(entry);
    entry.push(new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer()), true);
    for (const part of parts) await out.write(part);
    parts = [];
  }
  zip.end();
  for (const part of parts) await out.write(part);
  await out.close();
  return performance.now() - started;
}

/**
 * The restore's floor: the archive's bytes, in 2 MB records (about a block's size), put into a
 * fresh IndexedDB database 16 to a transaction, as the restore groups its writes; nothing read from
 * a zip, nothing checked, decoded or sealed.
 */
async function writeFloor(file: Blob): Promise<number> {
  const name = `bench-write-floor-${Date.now()}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('records');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('The floor database did not open.'));
  });
  const RECORD = 2 * 1024 * 1024;
  const started = performance.now();
  for (let offset = 0, key = 0; offset < file.size;) {
    const batch: Uint8Array[] = [];
    for (let index = 0; index < 16 && offset < file.size; index += 1, offset += RECORD)
      batch.push(new Uint8Array(await file.slice(offset, offset + RECORD).arrayBuffer()));
    const transaction = db.transaction('records', 'readwrite');
    for (const record of batch) transaction.objectStore('records').put(record, (key += 1));
    await new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error ?? new Error('The floor write failed.'));
    });
  }
  const ms = performance.now() - started;
  db.close();
  await new Promise((resolve) => (indexedDB.deleteDatabase(name).onsuccess = resolve));
  return ms;
}

export async function archive(investigationId: string, pdfUrl: string) {
  const investigation = (await indexDb.investigations.get(investigationId))!;
  const { access } = investigationDb(investigation);
  const pdfBytes = await addPdfs(investigation, pdfUrl);
  const thread = new Worker(new URL('../src/workers/archiveWorker.ts', import.meta.url), {
    type: 'module',
  });
  const worker = Comlink.wrap<ArchiveWorkerApi>(thread);
  const progress = Comlink.proxy(() => undefined);
  // The export, its floor and the restore: the median of three runs each, as they vary by 10-20 %
  // from run to run here. Each export into a file on disk, as the app saves it, in a phase of its
  // own (its memory sampled).
  const exportTimes: number[] = [];
  let plain = new Blob([]);
  for (let run = 1; run <= RUNS; run += 1) {
    plain = await phase(`export ${run}`, async () => {
      const started = performance.now();
      const out = await diskFile('plain.waybill');
      await worker.write(access, null, progress, returningPieces(out));
      const file = await out.close();
      exportTimes.push(performance.now() - started);
      return file;
    });
  }
  // The baseline for the export's memory: the same archive gathered into a Blob, as it was made
  // before it was written into the chosen file.
  const gathered = new BlobSink();
  await phase('export into a Blob', () =>
    worker.write(access, null, progress, returningPieces(gathered)),
  );
  let started = performance.now();
  const sealedOut = await diskFile('sealed.waybill');
  await worker.write(access, 'a benchmark passphrase', progress, returningPieces(sealedOut));
  const sealedBytes = (await sealedOut.close()).size;
  const sealedMs = performance.now() - started;
  const floorTimes: number[] = [];
  for (let run = 0; run < RUNS; run += 1) floorTimes.push(await zipFloor(plain));
  const writeFloorMs = await phase('write floor', () => writeFloor(plain));
  // Each restore in a phase of its own (restore 1, 2, 3), its memory sampled; all but the last
  // deleted after it, so that each starts from the same storage.
  const restoreTimes: number[] = [];
  let restoredName = '';
  for (let run = 1; run <= RUNS; run += 1) {
    const restored = await phase(`restore ${run}`, async () => {
      const restoreStarted = performance.now();
      const result = await worker.restore(plain, null, progress);
      restoreTimes.push(performance.now() - restoreStarted);
      return result;
    });
    restoredName = restored.investigation.name;
    if (run < RUNS) await deleteInvestigation(restored.investigation.id);
  }

  // Sealing a case an earlier version stored in the clear (the one-time pass at start-up): the case
  // copied into the clear, then that copy sealed under new keys, as recoverLockPasses does; its
  // floor, the copy into the clear.
  const clear = { investigationId: `bench-clear-${Date.now()}` };
  started = performance.now();
  await worker.copyInvestigation(access, clear, progress);
  const copyFloorMs = performance.now() - started;
  const sealedCopy = { ...clear, keys: newLockKeys() };
  started = performance.now();
  await worker.copyInvestigation(clear, sealedCopy, progress);
  const sealMs = performance.now() - started;
  await deleteDatabase(clear.investigationId, false);
  await deleteDatabase(clear.investigationId, true);
  // The lock itself: the keys wrapped under the passphrase, their stored copy deleted.
  started = performance.now();
  await turnLockOn(investigation, 'a benchmark passphrase', 15);
  const lockMs = performance.now() - started;
  started = performance.now();
  await turnLockOff((await indexDb.investigations.get(investigationId))!, 'a benchmark passphrase');
  const unlockMs = performance.now() - started;
  thread.terminate();
  return {
    bytes: plain.size,
    sealedBytes,
    pdfBytes,
    exportMs: median(exportTimes),
    sealedMs,
    floorMs: median(floorTimes),
    restoreMs: median(restoreTimes),
    writeFloorMs,
    restoredName,
    copyFloorMs,
    sealMs,
    lockMs,
    unlockMs,
  };
}
