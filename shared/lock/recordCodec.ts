/**
 * A stored record as bytes, so it can be sealed: JSON for its fields, with each typed array (a
 * shipment block's columns) moved out as raw bytes after the JSON. Layout: a little-endian u32 with
 * the JSON's length, the JSON, then each array's bytes, 8-byte aligned.
 */
import { asciiJson, utf8Bytes } from '../text/utf8';

const typedArrays = {
  Int32Array,
  Uint32Array,
  Float64Array,
  Uint8Array,
  Uint16Array,
  Float32Array,
} as const;
type TypedName = keyof typeof typedArrays;
type Typed = InstanceType<(typeof typedArrays)[TypedName]>;

/** How a typed array is named inside the JSON: a key no record field uses. */
const TAG = '\u0000typed';
type TypedRef = { [TAG]: [TypedName, number, number] };

const align = (offset: number) => Math.ceil(offset / 8) * 8;
const decoder = new TextDecoder();

function typedName(value: unknown): TypedName | null {
  for (const name of Object.keys(typedArrays) as TypedName[]) {
    if (value instanceof typedArrays[name]) return name;
  }
  return null;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * Calls `visit` on every object and array inside `value` that may hold a typed array, and returns
 * `value` with what `visit` replaced, copying only what changed. Walked by hand rather than by a
 * JSON replacer or reviver: those are called for every string of a block's cells (a hundred
 * thousand per record), which made encoding and decoding seven times slower than JSON itself.
 */
function replaceInside(value: unknown, visit: (value: object) => unknown): unknown {
  if (!isObject(value)) return value;
  const replaced = visit(value);
  if (replaced !== value || ArrayBuffer.isView(value)) return replaced;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      if (!isObject(item)) continue;
      const next = replaceInside(item, visit);
      if (next !== item) (copy ??= value.slice())[index] = next;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | null = null;
  for (const [key, field] of Object.entries(value)) {
    if (!isObject(field)) continue;
    const next = replaceInside(field, visit);
    if (next !== field) (copy ??= { ...(value as Record<string, unknown>) })[key] = next;
  }
  return copy ?? value;
}

export function encodeRecord(value: unknown): Uint8Array {
  const arrays: Typed[] = [];
  let offset = 0;
  // In ASCII: a block is read at every load of the shipment engine (see asciiJson).
  const json = asciiJson(
    replaceInside(value, (field) => {
      const name = ArrayBuffer.isView(field) ? typedName(field) : null;
      if (!name) return field;
      const array = field as Typed;
      const ref: TypedRef = { [TAG]: [name, offset, array.length] };
      arrays.push(array);
      offset = align(offset + array.byteLength);
      return ref;
    }),
  );
  const header = utf8Bytes(json);
  const start = align(4 + header.length);
  const out = new Uint8Array(start + offset);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  let at = start;
  for (const array of arrays) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at = align(at + array.byteLength);
  }
  return out;
}

export function decodeRecord(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(0, true);
  const start = align(4 + length);
  return replaceInside(JSON.parse(decoder.decode(bytes.subarray(4, 4 + length))), (field) => {
    if (!(TAG in field)) return field;
    const [name, offset, count] = (field as TypedRef)[TAG];
    const Type = Object.hasOwn(typedArrays, name) ? typedArrays[name] : undefined;
    const from = start + offset;
    // Only a reference this codec wrote: data that merely looks like one stays as it is.
    if (!Type || !(from >= start && from + count * Type.BYTES_PER_ELEMENT <= bytes.length))
      return field;
    // Copied out, so each array owns aligned memory of its own.
    return new Type(bytes.slice(from, from + count * Type.BYTES_PER_ELEMENT).buffer);
  });
}
