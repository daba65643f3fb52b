/**
 * A shipment block as one binary entry: a little-endian u32 with the length of a JSON header (the
 * block's scalar fields, its dictionaries, declaration and bill-of-lading numbers, and where each typed column
 * lies), the header, then each typed column's bytes, 8-byte aligned.
 */
import { z } from 'zod';
import { asciiJson, utf8Bytes } from '../text/utf8';
import { blockDuplicates, blockLines, compactBlock } from '../customs/blocks';
import { textsOf } from '../customs/packedIdentifiers';
import {
  dictionaryColumns,
  dictionarySize,
  type DictionaryColumn,
  type ShipmentBlock,
} from '../customs/dataset';
import { ArchiveError } from './archiveFormat';
import { parseArchivePart, parseJson } from './archiveSchema';

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

/**
 * A column as the archive format holds it, whatever width the block stores it at: archives keep
 * four bytes a dictionary number and eight a weight or value, and every row's line and the line
 * it repeats, so that every archive reads alike.
 */
function archived(block: ShipmentBlock, name: TypedColumn) {
  const Type = typedColumns[name];
  const column =
    name === 'rowNumber'
      ? blockLines(block)
      : name === 'duplicateOf'
        ? blockDuplicates(block)
        : block[name];
  return column instanceof Type ? column : Type.from(column);
}

export function encodeBlock(block: ShipmentBlock): Uint8Array {
  const { datasetId, blockNo, count, declarationId, billOfLading, dict, dictStart } = block;
  const arrays = new Map(columnNames.map((name) => [name, archived(block, name)]));
  let offset = 0;
  const columns = columnNames.map((name) => {
    const array = arrays.get(name)!;
    const entry = { name, offset, length: array.length };
    offset = align(offset + array.byteLength);
    return entry;
  });
  const header = utf8Bytes(
    asciiJson({
      datasetId,
      blockNo,
      count,
      declarationId: textsOf(declarationId),
      billOfLading: billOfLading && textsOf(billOfLading),
      dict,
      dictStart,
      columns,
    } satisfies Header),
  );
  const start = align(4 + header.length);
  const out = new Uint8Array(start + offset);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  for (const column of columns) {
    const array = arrays.get(column.name)!;
    out.set(
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
      start + column.offset,
    );
  }
  return out;
}

const MAX_ROWS = 10_000_000;

/** A block's header, as an archive may hold it: every column once, sized by the block's count. */
const headerSchema = z
  .object({
    datasetId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
    blockNo: z.number().int().min(0).max(MAX_ROWS),
    count: z.number().int().min(0).max(MAX_ROWS),
    declarationId: z.array(z.string().max(2_000)).max(MAX_ROWS),
    // Since schema 13: blocks archived before it have none.
    billOfLading: z.array(z.string().max(2_000)).max(MAX_ROWS).optional(),
    dict: z.object(
      Object.fromEntries(
        dictionaryColumns.map((name) => [name, z.array(z.string().max(1_000_000)).max(MAX_ROWS)]),
      ) as Record<DictionaryColumn, z.ZodArray<z.ZodString>>,
    ),
    // Since schema 22: where the block's values follow on from its dataset's blocks before it.
    dictStart: z
      .object(
        Object.fromEntries(
          dictionaryColumns.map((name) => [
            name,
            z
              .number()
              .int()
              .min(0)
              .max(2 ** 32),
          ]),
        ) as Record<DictionaryColumn, z.ZodNumber>,
      )
      .optional(),
    columns: z
      .array(
        z.object({
          name: z.enum(columnNames as [TypedColumn, ...TypedColumn[]]),
          offset: z
            .number()
            .int()
            .min(0)
            .multipleOf(8)
            .max(2 ** 32),
          length: z.number().int().min(0).max(MAX_ROWS),
        }),
      )
      .length(columnNames.length),
  })
  .refine(
    (header) =>
      header.declarationId.length === header.count &&
      (header.billOfLading?.length ?? header.count) === header.count &&
      new Set(header.columns.map((column) => column.name)).size === columnNames.length &&
      header.columns.every((column) => column.length === header.count),
    'its columns do not hold one value per shipment',
  );

/**
 * A block from its entry (`blocks/<dataset>/<n>.bin`), checked: the header parsed and matching the
 * entry's name, every column inside the entry, and every dictionary column pointing into its
 * dictionary (the engine looks values up by those numbers).
 */
export function decodeBlock(bytes: Uint8Array, entry: string): ShipmentBlock {
  const cut = () => new ArchiveError(`This archive’s ${entry} is cut short: nothing was restored.`);
  if (bytes.length < 4) throw cut();
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(
    0,
    true,
  );
  if (4 + headerLength > bytes.length) throw cut();
  const json = parseJson(bytes.subarray(4, 4 + headerLength), `${entry} header`);
  const header = parseArchivePart(headerSchema, json, entry);
  if (entry !== `blocks/${header.datasetId}/${header.blockNo}.bin`)
    throw new ArchiveError(
      `This archive’s ${entry} says it is another block: nothing was restored.`,
    );
  const start = align(4 + headerLength);
  const { columns, ...rest } = header;
  const block = { ...rest } as ShipmentBlock;
  for (const column of columns) {
    const Type = typedColumns[column.name];
    const byteLength = column.length * Type.BYTES_PER_ELEMENT;
    const from = start + column.offset;
    if (from + byteLength > bytes.length) throw cut();
    // Copied out, so the block owns aligned memory of its own.
    const copy = bytes.slice(from, from + byteLength);
    (block as Record<TypedColumn, unknown>)[column.name] = new Type(copy.buffer);
  }
  for (const name of dictionaryColumns) {
    const size = dictionarySize(block, name);
    if (block[name].some((index) => index >= size))
      throw new ArchiveError(
        `This archive’s ${entry} points past its ${name} dictionary: nothing was restored.`,
      );
  }
  // Stored as compact as an imported block is.
  return compactBlock(block);
}

/**
 * Checks an archive's blocks in the order it lists them, dataset by dataset, as the engine will
 * read them:
 * - a block that follows on from the blocks before it (`dictStart`) comes right after the block
 *   numbered before it and starts where that one's dictionaries end;
 * - every row's line comes after the line of the row before it, as an import numbers them: a
 *   claim cites a shipment by its dataset and line, so two rows on one line would make a citation
 *   name either.
 */
export class BlockSequence {
  private readonly last = new Map<string, { blockNo: number; sizes: number[]; lastLine: number }>();

  follow(block: ShipmentBlock, entry: string): void {
    const before = this.last.get(block.datasetId);
    const { dictStart } = block;
    if (
      dictStart &&
      (before?.blockNo !== block.blockNo - 1 ||
        dictionaryColumns.some((name, column) => dictStart[name] !== before.sizes[column]))
    )
      throw new ArchiveError(
        `This archive’s ${entry} does not follow on from the block before it: nothing was restored.`,
      );
    let lastLine = before?.lastLine ?? 0;
    for (const line of blockLines(block)) {
      if (line <= lastLine)
        throw new ArchiveError(
          `This archive’s ${entry} has a row on line ${line} after one on line ${lastLine}, out of the order of their lines: nothing was restored.`,
        );
      lastLine = line;
    }
    this.last.set(block.datasetId, {
      blockNo: block.blockNo,
      sizes: dictionaryColumns.map((name) => dictionarySize(block, name)),
      lastLine,
    });
  }
}
