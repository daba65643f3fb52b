/**
 * A shipment block as one binary entry: a little-endian u32 with the length of a JSON header (the
 * block's scalar fields, its dictionaries and declaration numbers, and where each typed column
 * lies), the header, then each typed column's bytes, 8-byte aligned.
 */
import { strFromU8, strToU8 } from 'fflate';
import type { ShipmentBlock } from '../customs/dataset';
import { ArchiveError } from './archiveFormat';

const typedColumns = {
  rowNumber: Int32Array,
  date: Int32Array,
  weightKg: Float64Array,
  value: Float64Array,
  duplicateOf: Int32Array,
  shipper: Uint32Array,
  consignee: Uint32Array,
  originCountry: Uint32Array,
  destinationCountry: Uint32Array,
  hsCode: Uint32Array,
  description: Uint32Array,
  currency: Uint32Array,
} as const;
type TypedColumn = keyof typeof typedColumns;
const columnNames = Object.keys(typedColumns) as TypedColumn[];

type Header = Omit<ShipmentBlock, TypedColumn> & {
  columns: { name: TypedColumn; offset: number; length: number }[];
};

const align = (offset: number) => Math.ceil(offset / 8) * 8;

export function encodeBlock(block: ShipmentBlock): Uint8Array {
  const { datasetId, blockNo, count, declarationId, dict } = block;
  let offset = 0;
  const columns = columnNames.map((name) => {
    const entry = { name, offset, length: block[name].length };
    offset = align(offset + block[name].byteLength);
    return entry;
  });
  const header = strToU8(
    JSON.stringify({ datasetId, blockNo, count, declarationId, dict, columns } satisfies Header),
  );
  const start = align(4 + header.length);
  const out = new Uint8Array(start + offset);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  for (const column of columns) {
    const array = block[column.name];
    out.set(
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
      start + column.offset,
    );
  }
  return out;
}

export function decodeBlock(bytes: Uint8Array): ShipmentBlock {
  if (bytes.length < 4) throw new ArchiveError('A shipment block is cut short.');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(
    0,
    true,
  );
  const header = JSON.parse(strFromU8(bytes.subarray(4, 4 + headerLength))) as Header;
  const start = align(4 + headerLength);
  const { columns, ...rest } = header;
  const block = { ...rest } as ShipmentBlock;
  for (const column of columns) {
    const Type = typedColumns[column.name];
    const byteLength = column.length * Type.BYTES_PER_ELEMENT;
    const from = start + column.offset;
    if (from + byteLength > bytes.length) throw new ArchiveError('A shipment block is cut short.');
    // Copied out, so the block owns aligned memory of its own.
    const copy = bytes.slice(from, from + byteLength);
    (block as Record<TypedColumn, unknown>)[column.name] = new Type(copy.buffer);
  }
  return block;
}
