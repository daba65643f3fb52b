import { strFromU8 } from 'fflate';
import type { z } from 'zod';
import { ArchiveError, entryNames, SEPARATE_TABLES } from '#shared/archive/archiveFormat';
import { parseArchivePart, parseJson } from '#shared/archive/archiveSchema';
import { BlockSequence, decodeBlock } from '#shared/archive/blockCodec';
import { decodeCellsEntry } from '#shared/archive/cellsCodec';
import { rowSchemas, type RowTable } from '#shared/archive/rowSchemas';
import type { ShipmentBlock, ShipmentCells } from '#shared/customs/dataset';
import type { Investigation } from '#shared/investigation';
import { localIsoDay } from '#shared/localDay';
import { exclusiveAcrossTabs } from '../../db/crossTabWork';
import { createKeys, indexDb, investigationDb, newId } from '../../db/databases';
import { databaseIdOf, type InvestigationDb } from '../../db/schema';
import { ensureRoom, isQuotaError, ranOutMessage } from '../../db/storageRoom';
import { CURRENT_SCHEMA_VERSION } from '../../db/versions';
import { backfillStatusReasons, v7 } from '../../db/versions/v7';
import { backfillStatusRules, v10 } from '../../db/versions/v10';
import { moveSourcesOutOfNotes } from '../../db/versions/v11';
import { addQuoteReadings } from '../../db/versions/v17';
import { deleteInvestigation, finishReplacement } from '../../db/investigationIndex';
import type { OpenedArchive } from './readArchive';
import { restoreWriterFor, type RestoredFile, type RestoreWriter } from './restoreWriter';
import { WritesInTurn } from '../writesInTurn';
import { stopIfCancelled, type ArchiveProgress } from './writeArchive';

const BATCH = 5_000;
/**
 * A write's worth: while one is sealed and committed, the next is read and decoded, so these bound
 * the restore's memory. 16 blocks (about 50 MB) and 64 MB of files kept the restore of the
 * benchmark's archive 300-580 MB above its baseline; 5 and 16 MB, at the same speed, about 200.
 */
const BLOCKS_PER_WRITE = 5;
const FILE_BYTES_PER_WRITE = 16 * 1024 * 1024;

/**
 * A table entry's rows, one JSON value a line, each parsed with its table's schema: a line that is
 * not JSON, or not a row Waybill writes, refuses the archive, naming the entry and line.
 */
function parseRows<T>(bytes: Uint8Array, entry: string, schema: z.ZodType<T>): T[] {
  const rows: T[] = [];
  strFromU8(bytes)
    .split('\n')
    .forEach((line, index) => {
      if (line === '') return;
      const where = `${entry}, line ${index + 1},`;
      rows.push(parseArchivePart(schema, parseJson(line, where), where));
    });
  return rows;
}

/**
 * `pieces`, each counted once the next is asked for: a large file's progress moves as it is stored,
 * a piece ahead (its writer asks for the next as it stores one).
 */
async function* counted(pieces: AsyncIterable<Uint8Array>, progress: (bytes: number) => void) {
  for await (const piece of pieces) {
    yield piece;
    progress(piece.length);
  }
}

/** "Case (restored 2026-12-03)": a restored copy's name, with the local day it was restored. */
export function restoredName(name: string, day: Date): string {
  return `${name.replace(/ \(restored \d{4}-\d{2}-\d{2}\)$/, '')} (restored ${localIsoDay(day)})`;
}

const isRowTable = (name: string): name is RowTable => Object.hasOwn(rowSchemas, name);

/**
 * Restores an opened archive as a new investigation, or (`replace`: the id of the investigation the
 * user picked and confirmed) in place of that investigation: it keeps its id and gets the restored
 * database, and its own databases are deleted once the switch is written. The investigation stays
 * hidden (`restoring`) until every table is written, so a restore cut short is never half visible;
 * it is removed at the next start. Entries are read one at a time, each checked against the
 * manifest before it is parsed: one that fails (changed, or not a row Waybill writes) refuses the
 * archive, and the hidden investigation is deleted. Archives of an older schema version are written
 * into the current schema: their rows go in as they are, then get what later versions' upgrades
 * give old rows (version 7: each claim's status reason, from the audit log; version 10:
 * *Corroborated*'s rule; version 16: cells packed, from the JSON such archives hold them in;
 * version 17: each excerpt's quote as it reads, from its document's text).
 */
export async function restoreArchive(
  archive: OpenedArchive,
  onProgress?: ArchiveProgress,
  cancelled?: () => boolean,
  options: {
    replace?: string | null;
    /** Who stores blocks and files (the store worker in the app); by default this thread. */
    writer?: (db: InvestigationDb) => RestoreWriter;
  } = {},
): Promise<Investigation> {
  const { manifest } = archive;
  // Only the investigation the user picked is ever replaced; the archive's own id decides nothing.
  const existing = options.replace ? await indexDb.investigations.get(options.replace) : undefined;
  const now = Date.now();
  // Only these fields come from the archive (parsed and bounded by readArchive); ids, database
  // names and what gets replaced are decided here.
  const { name, createdAt, synthetic, notice } = manifest.investigation;
  const investigation: Investigation = {
    id: newId(),
    // Restored beside the original, it is told apart by its name; in place, it takes the place.
    name: existing ? name : restoredName(name, new Date(now)),
    createdAt,
    updatedAt: now,
    synthetic,
    ...(notice ? { notice } : {}),
    restoring: true,
  };
  if (manifest.schemaVersion > CURRENT_SCHEMA_VERSION)
    throw new ArchiveError(
      `This archive was written by a newer Waybill (schema ${manifest.schemaVersion}; this one reads up to ${CURRENT_SCHEMA_VERSION}).`,
    );
  // What it stores is about what the archive holds (sealing adds 40 bytes a record).
  const holds = manifest.entries.reduce((sum, entry) => sum + entry.bytes, 0);
  await ensureRoom(`Restoring “${name}”`, holds * 1.1);
  // Held while it runs, so that another tab starting meanwhile does not take it for abandoned.
  return exclusiveAcrossTabs(investigation.id, async () => {
    await createKeys(investigation);
    await indexDb.investigations.add(investigation);
    try {
      const db = investigationDb(investigation);
      await writeTables(
        archive,
        db,
        (options.writer ?? restoreWriterFor)(db),
        onProgress,
        cancelled,
      );
    } catch (error) {
      // Nothing half-restored stays behind.
      await deleteInvestigation(investigation.id);
      throw isQuotaError(error) ? new ArchiveError(ranOutMessage(`restoring “${name}”`)) : error;
    }
    const { restoring: _restoring, ...visible } = investigation;
    if (!existing || existing.deleting || existing.restoring) {
      await indexDb.investigations.put(visible);
      return visible;
    }
    // In place: one write gives the existing id the restored database; the replaced one then goes.
    const replacing: Investigation = {
      ...visible,
      id: existing.id,
      databaseId: investigation.id,
      replacedDatabase: databaseIdOf(existing),
    };
    return exclusiveAcrossTabs(existing.id, async () => {
      await indexDb.transaction('rw', indexDb.investigations, async () => {
        await indexDb.investigations.delete(investigation.id);
        await indexDb.investigations.put(replacing);
      });
      return finishReplacement(replacing);
    });
  });
}

async function writeTables(
  archive: OpenedArchive,
  db: InvestigationDb,
  writer: RestoreWriter,
  onProgress?: ArchiveProgress,
  cancelled?: () => boolean,
): Promise<void> {
  const { manifest } = archive;
  await db.open();
  // The new database starts with the default statuses; the archive's own replace them.
  await db.statuses.clear();
  const entries = new Map(manifest.entries.map((entry) => [entry.name, entry]));
  const bytesOf = (name: string) => entries.get(name)?.bytes ?? 0;
  // In bytes, so that it moves through a file of a gigabyte as through many small entries.
  const total = manifest.entries.reduce((sum, entry) => sum + entry.bytes, 0);
  let done = 0;
  const stop = stopIfCancelled(cancelled);
  const progress = (bytes: number) => {
    done += bytes;
    onProgress?.(done, total);
  };
  /** An entry's verified content, read only once the user has not cancelled. */
  const read = (name: string) => {
    stop();
    return archive.bytes(name);
  };

  const separate = new Set<string>(SEPARATE_TABLES);
  for (const table of db.tables) {
    const name = entryNames.table(table.name);
    if (separate.has(table.name) || !entries.has(name) || !isRowTable(table.name)) continue;
    const rows = parseRows<unknown>(await read(name), name, rowSchemas[table.name]);
    for (let start = 0; start < rows.length; start += BATCH)
      await table.bulkAdd(rows.slice(start, start + BATCH));
    progress(bytesOf(name));
  }
  // Blocks and cells go in a few at a time: one transaction each would commit (and sync) hundreds
  // of times for a million rows. While one batch is written, the next is read and decoded; the
  // writes themselves go one after another, in order, on another core in the app.
  const writes = new WritesInTurn();
  try {
    let blocks: ShipmentBlock[] = [];
    let cells: ShipmentCells[] = [];
    let batchBytes = 0;
    const flush = () => {
      const batch = { blocks, cells, bytes: batchBytes };
      blocks = [];
      cells = [];
      batchBytes = 0;
      return writes.next(async () => {
        await writer.storeBlocks(batch.blocks, batch.cells);
        progress(batch.bytes);
      });
    };
    const sequence = new BlockSequence();
    for (const name of entries.keys()) {
      if (name.startsWith('blocks/')) {
        const block = decodeBlock(await read(name), name);
        sequence.follow(block, name);
        blocks.push(block);
      } else if (name.startsWith('cells/')) cells.push(decodeCellsEntry(await read(name), name));
      else continue;
      batchBytes += bytesOf(name);
      if (blocks.length + cells.length >= BLOCKS_PER_WRITE) await flush();
    }
    await flush();
    const filesTable = entryNames.table('files');
    const files = entries.has(filesTable)
      ? parseRows(await read(filesTable), filesTable, rowSchemas.files)
      : [];
    progress(bytesOf(filesTable));
    // Files go in a few at a time too, up to FILE_BYTES_PER_WRITE: a transaction each cost a third
    // of the restore's time for the benchmark's 50 PDFs. They are read and checked while the batch
    // before is sealed and written.
    let stored: RestoredFile[] = [];
    let storedBytes = 0;
    const flushFiles = () => {
      const [batch, bytes] = [stored, storedBytes];
      stored = [];
      storedBytes = 0;
      return writes.next(async () => {
        await writer.storeFiles(batch);
        progress(bytes);
      });
    };
    for (const row of files) {
      const name = entryNames.file(row.sha256);
      const entry = entries.get(name);
      if (!entry)
        throw new ArchiveError(`The stored file ${row.name} is missing from the archive.`);
      // Its content is checked against the manifest's hash; that hash must be the file's own, the
      // one its documents and the dossier cite (and its seal names from now on).
      if (entry.sha256 !== row.sha256)
        throw new ArchiveError(
          `The stored file ${row.name} does not match its SHA-256: the archive was changed.`,
        );
      const { size: _size, ...file } = row;
      if (entry.bytes > FILE_BYTES_PER_WRITE) {
        // A file larger than a write's worth is sealed and stored a part at a time by the writer
        // while its next part is read and checked here: its clear bytes are never whole, in memory
        // or in the browser's blob store. Its size is the one its content is checked against (the
        // manifest's), not the one its row claims; cancel is heard between its parts. Changed, it
        // fails the restore, which deletes it.
        const pieces = counted(archive.pieces(name, stop), progress);
        await writes.next(() => writer.storeFileInPieces(file, entry.bytes, pieces));
        // Its pieces are read from the archive as they are stored: nothing else is read meanwhile.
        await writes.settled();
        continue;
      }
      // Kept until its batch is written, so copied out of the reader's window.
      stored.push({ file, content: (await read(name)).slice() });
      storedBytes += entry.bytes;
      if (storedBytes >= FILE_BYTES_PER_WRITE) await flushFiles();
    }
    await flushFiles();
    await writes.settled();
  } catch (error) {
    // A failure waits for the write in flight, so that nothing is written after it is deleted.
    await writes.settled().catch(() => undefined);
    throw error;
  }
  // Archives from before schema version 7 keep a claim's status reason only in the audit log.
  if (manifest.schemaVersion < v7.version) await backfillStatusReasons(db.claims, db.audit);
  if (manifest.schemaVersion < v10.version) await backfillStatusRules(db.statuses);
  // Whatever version the manifest says: a note in the shape before version 11 never stays so, nor
  // an excerpt without its quote as it reads (version 17).
  await moveSourcesOutOfNotes(db.notes, db.sources);
  await addQuoteReadings(db.excerpts, db.pageTexts);
}
