import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { ZipWriting, zipDirectory } from '../../../renderer/src/workers/archive/zip';

/** Whether two byte arrays are equal (expect's deep equality walks 33 MB a byte at a time). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

/** Bytes that say where they are: a read from the wrong place shows. */
function patterned(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index += 1) bytes[index] = (index * 31 + seed * 7) & 0xff;
  return bytes;
}

describe('the archive zip layer', () => {
  // Sizes that straddle the reader's 16 MB windows, one entry longer than two of them, and small
  // ones between: every path through its window.
  const sizes = [3, 5_000_000, 70_000, 15_000_000, 40, 33_000_000, 1_200_000, 9_999_999, 17];
  const names = sizes.map((_size, index) => `blocks/d/${index}.bin`);

  it('reads every entry back exactly, in file order and out of it', async () => {
    const writing = new ZipWriting();
    for (const [index, size] of sizes.entries())
      await writing.add(names[index], patterned(size, index));
    const file = await writing.close();

    const inOrder = await zipDirectory(file);
    for (const [index, name] of names.entries())
      expect(
        same(await inOrder.read(inOrder.entries.get(name)!), patterned(sizes[index], index)),
      ).toBe(true);

    const shuffled = await zipDirectory(file);
    for (const index of [5, 0, 8, 3, 1, 7, 2, 6, 4])
      expect(
        same(
          await shuffled.read(shuffled.entries.get(names[index])!),
          patterned(sizes[index], index),
        ),
      ).toBe(true);
  }, 60_000);
});
