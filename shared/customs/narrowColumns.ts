/**
 * Columns as narrow as their values allow, for the engine's index and for the blocks stored at rest:
 * the same numbers read back either way, in fewer bytes to hold, seal, store and read.
 */

/**
 * A dictionary-encoded column: each row's value as its number in the column's dictionary. One byte
 * a row while the dictionary has at most 256 values (countries, currencies), two while it has at
 * most 65,536 (HS codes and, in most cases, parties and descriptions), four once it outgrows that.
 */
export type IdColumn = Uint8Array | Uint16Array | Uint32Array;

/**
 * A numeric column (weights, values): four bytes a row while every value is one a 32-bit float
 * holds exactly (whole numbers up to 16,777,216, halves and quarters, none as NaN), as in files
 * that give whole kilograms and dollars; eight once one is not.
 */
export type NumberColumn = Float32Array | Float64Array;

/** Whether a 32-bit float holds `value` exactly (NaN stands for none, and stays none). */
const fitsFloat32 = (value: number): boolean => Math.fround(value) === value || Number.isNaN(value);

/** Whether a 32-bit float holds every one of `numbers` exactly. */
export const allFitFloat32 = (numbers: NumberColumn): boolean =>
  numbers instanceof Float32Array || numbers.every(fitsFloat32);

/** The narrowest kind of column numbering `size` distinct values. */
const idColumnType = (size: number) =>
  size <= 0x100 ? Uint8Array : size <= 0x10000 ? Uint16Array : Uint32Array;

/** A column able to number `size` distinct values: the one given, or a wider copy of it. */
export function wideEnough(column: IdColumn, size: number): IdColumn {
  const Type = idColumnType(size);
  return column.BYTES_PER_ELEMENT >= Type.BYTES_PER_ELEMENT ? column : Type.from(column);
}

/**
 * `ids`, every one below `size`, in the narrowest column numbering `size` values: as given if it
 * already is one, else a copy.
 */
export function narrowIds(ids: IdColumn, size: number): IdColumn {
  const Type = idColumnType(size);
  return ids instanceof Type ? ids : Type.from(ids);
}

/** `numbers` in four bytes each if every one fits exactly (as given if already), else as given. */
export function narrowNumbers(numbers: NumberColumn): NumberColumn {
  return numbers instanceof Float64Array && allFitFloat32(numbers)
    ? Float32Array.from(numbers)
    : numbers;
}
