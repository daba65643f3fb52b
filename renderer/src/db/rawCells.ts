/**
 * Shipments' raw cells, as their files give them: read again from a delimited file's stored
 * original at the lines its rows start on (shared/customs/lineIndex.ts), or taken from the packed
 * cells stored beside each block (workbooks, and delimited files imported before schema 23).
 */
import type { CellsOf, Dataset } from '#shared/customs/dataset';
import { recordsOnLines } from '#shared/customs/lineIndex';
import { rowCells, type PackedCells } from '#shared/customs/packedCells';
import type { InvestigationDb } from './schema';
import { fileRange } from './storedFiles';

/** Each row's raw cells, in order; none for a row whose dataset or file is gone. */
export async function rawCells(db: InvestigationDb, rows: readonly CellsOf[]): Promise<string[][]> {
  const cells = rows.map((): string[] => []);
  const datasetIds = [...new Set(rows.map((row) => row.datasetId))];
  for (const dataset of await db.datasets.bulkGet(datasetIds)) {
    if (!dataset) continue;
    const mine = rows.flatMap((row, at) => (row.datasetId === dataset.id ? [at] : []));
    const found = await datasetCells(
      db,
      dataset,
      mine.map((at) => rows[at]),
    );
    mine.forEach((at, index) => (cells[at] = found[index]));
  }
  return cells;
}

/** The raw cells of rows of `dataset`, in order; none where its file is gone. */
export async function datasetCells(
  db: InvestigationDb,
  dataset: Dataset,
  rows: readonly CellsOf[],
): Promise<string[][]> {
  const { lineIndex, encoding, delimiter } = dataset;
  if (lineIndex && encoding && delimiter) {
    const file = await db.files.get(dataset.fileSha256);
    if (!file) return rows.map(() => []);
    const records = await recordsOnLines(
      {
        read: (start, end) => fileRange(db, file, start, end),
        size: file.size,
        encoding,
        delimiter,
        index: lineIndex,
      },
      rows.map((row) => row.rowNumber),
    );
    return rows.map((row) => records.get(row.rowNumber) ?? []);
  }
  const blocks = new Map<number, PackedCells | undefined>();
  const cells: string[][] = [];
  for (const row of rows) {
    if (!blocks.has(row.blockNo))
      blocks.set(row.blockNo, (await db.shipmentCells.get([dataset.id, row.blockNo]))?.packed);
    const packed = blocks.get(row.blockNo);
    cells.push(packed ? rowCells(packed, row.blockRow) : []);
  }
  return cells;
}
