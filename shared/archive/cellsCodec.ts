/**
 * A block's raw cells as one binary entry (`cells/<dataset>/<n>.bin`, since schema 16): a
 * little-endian u32 with the length of a JSON header (the block's ids and the three arrays'
 * lengths), the header, then the row ends, the cell ends and the text, each 8-byte aligned.
 * Archives written before schema 16 hold the cells as JSON (`cells/<dataset>/<n>.json`); they are
 * read with `legacyCellsSchema` and packed.
 */
import { z } from 'zod';
import { utf8Bytes } from '../text/utf8';
import type { ShipmentCells } from '../customs/dataset';
import { packCells, packedCellsProblem } from '../customs/packedCells';
import { ArchiveError } from './archiveFormat';
import { parseArchivePart, parseJson } from './archiveSchema';
import { legacyCellsSchema } from './rowSchemas';

const align = (offset: number) => Math.ceil(offset / 8) * 8;

const MAX_ROWS = 10_000_000;
const MAX_CELLS = 2 ** 31;
const MAX_TEXT = 2 ** 32 - 1;

const headerSchema = z.object({
  datasetId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  blockNo: z.number().int().min(0).max(MAX_ROWS),
  rows: z.number().int().min(0).max(MAX_ROWS),
  cells: z.number().int().min(0).max(MAX_CELLS),
  textBytes: z.number().int().min(0).max(MAX_TEXT),
});
type Header = z.infer<typeof headerSchema>;

export function encodeCells({ datasetId, blockNo, packed }: ShipmentCells): Uint8Array {
  const { rowEnds, cellEnds, text } = packed;
  const header = utf8Bytes(
    JSON.stringify({
      datasetId,
      blockNo,
      rows: rowEnds.length,
      cells: cellEnds.length,
      textBytes: text.length,
    } satisfies Header),
  );
  const start = align(4 + header.length);
  const cellsAt = align(start + rowEnds.byteLength);
  const textAt = align(cellsAt + cellEnds.byteLength);
  const out = new Uint8Array(textAt + text.length);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  out.set(new Uint8Array(rowEnds.buffer, rowEnds.byteOffset, rowEnds.byteLength), start);
  out.set(new Uint8Array(cellEnds.buffer, cellEnds.byteOffset, cellEnds.byteLength), cellsAt);
  out.set(text, textAt);
  return out;
}

/**
 * A block's cells from its entry, checked: the header parsed and naming the entry's own block, the
 * arrays exactly filling the entry, and the packing itself sound (packedCellsProblem).
 */
export function decodeCells(bytes: Uint8Array, entry: string): ShipmentCells {
  const refuse = (what: string) =>
    new ArchiveError(`This archive’s ${entry} ${what}: nothing was restored.`);
  if (bytes.length < 4) throw refuse('is cut short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true);
  if (4 + headerLength > bytes.length) throw refuse('is cut short');
  const json = parseJson(bytes.subarray(4, 4 + headerLength), `${entry} header`);
  const { datasetId, blockNo, rows, cells, textBytes } = parseArchivePart(
    headerSchema,
    json,
    entry,
  );
  if (entry !== `cells/${datasetId}/${blockNo}.bin`) throw refuse('says it is another block');
  const start = align(4 + headerLength);
  const cellsAt = align(start + rows * 4);
  const textAt = align(cellsAt + cells * 4);
  if (textAt + textBytes !== bytes.length)
    throw refuse(textAt + textBytes > bytes.length ? 'is cut short' : 'holds more than its cells');
  // Copied out, so each array owns aligned memory of its own.
  const packed = {
    rowEnds: new Uint32Array(bytes.slice(start, start + rows * 4).buffer),
    cellEnds: new Uint32Array(bytes.slice(cellsAt, cellsAt + cells * 4).buffer),
    text: bytes.slice(textAt),
  };
  const problem = packedCellsProblem(packed);
  if (problem) throw refuse(`is damaged: ${problem}`);
  return { datasetId, blockNo, packed };
}

/** A block's cells from an archive written before schema 16: JSON, parsed, checked and packed. */
function decodeLegacyCells(bytes: Uint8Array, entry: string): ShipmentCells {
  const { datasetId, blockNo, cells } = parseArchivePart(
    legacyCellsSchema,
    parseJson(bytes, entry),
    entry,
  );
  return { datasetId, blockNo, packed: packCells(cells) };
}

/** A block's cells from its entry, whichever form its name says it has. */
export const decodeCellsEntry = (bytes: Uint8Array, entry: string): ShipmentCells =>
  entry.endsWith('.json') ? decodeLegacyCells(bytes, entry) : decodeCells(bytes, entry);
