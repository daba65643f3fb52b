import { Buffer } from 'node:buffer';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { BlobSink, returningPieces, type ByteSink } from '../../../renderer/src/lib/byteSink';
import { ZipWriting, zipDirectory } from '../../../renderer/src/workers/archive/zip';

/** Whether two byte arrays are equal (expect's deep equality walks 33 MB a byte at a time). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

/** Bytes that say where they are: a read from the wrong place shows. */
function patterned(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index += 1) bytes[index] = (index * 31 + seed * 7) & 0xff;
  return bytes;
}

/**
 * A file on disk as the zip layer reads a Blob: its size, and slices read when asked. (Node 20's
 * `openAsBlob` gives a file past 4 GiB its size modulo 4 GiB.)
 */
function diskFile(file: string): Blob {
  const slice = (start: number, end: number) => ({
    async arrayBuffer() {
      const handle = await open(file);
      try {
        const bytes = new Uint8Array(end - start);
        await handle.read(bytes, 0, bytes.length, start);
        return bytes.buffer;
      } finally {
        await handle.close();
      }
    },
  });
  return { size: statSync(file).size, slice } as unknown as Blob;
}

describe('the archive zip layer', () => {
  // Sizes that straddle the reader's 16 MB windows, one entry longer than two of them, and small
  // ones between: every path through its window.
  const sizes = [3, 5_000_000, 70_000, 15_000_000, 40, 33_000_000, 1_200_000, 9_999_999, 17];
  const names = sizes.map((_size, index) => `blocks/d/${index}.bin`);
  /** Adds an entry of each size, each its own pattern, and closes the zip. */
  const writeAll = async (zip: ZipWriting) => {
    for (const [index, size] of sizes.entries())
      await zip.add(names[index], patterned(size, index));
    await zip.close();
  };
  /** Whether a zip made of the pieces written holds every entry exactly. */
  const holdsEvery = async (pieces: Uint8Array[]) => {
    const written = await zipDirectory(new Blob(pieces as Uint8Array<ArrayBuffer>[]));
    for (const [index, name] of names.entries())
      if (!same(await written.read(written.entries.get(name)!), patterned(sizes[index], index)))
        return false;
    return true;
  };

  it('reads every entry back exactly, in file order and out of it', async () => {
    const sink = new BlobSink();
    const writing = new ZipWriting(sink);
    await writeAll(writing);
    const file = sink.blob();

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

  it('reads entries asked for at once each from its own place', async () => {
    // A restore storing a large file reads its pieces while other reads may be in flight: a read
    // must never take another's window for its own.
    const sink = new BlobSink();
    await writeAll(new ZipWriting(sink));
    const directory = await zipDirectory(sink.blob());
    const read = await Promise.all(
      names.map((name) => directory.read(directory.entries.get(name)!)),
    );
    for (const [index, bytes] of read.entries())
      expect(same(bytes, patterned(sizes[index], index))).toBe(true);
  }, 60_000);

  it('hands its sink pieces of a few MB, each in a buffer of its own, two at most at once', async () => {
    const pieces: Uint8Array[] = [];
    let writing = 0;
    let mostAtOnce = 0;
    // A slow disk, writing in the order given: each piece is written a little after the last. The
    // writer makes the next meanwhile, and then waits.
    let disk = Promise.resolve();
    const sink = {
      write(piece: Uint8Array) {
        writing += 1;
        mostAtOnce = Math.max(mostAtOnce, writing);
        disk = disk
          .then(() => new Promise((resolve) => setTimeout(resolve, 5)))
          .then(() => {
            pieces.push(piece);
            writing -= 1;
          });
        return disk;
      },
    };
    const zip = new ZipWriting(sink);
    await writeAll(zip);

    expect(mostAtOnce).toBe(2);
    expect(writing).toBe(0);
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(4 * 1024 * 1024);
      // Its whole buffer, so that it can be moved to another thread without taking anything else.
      expect(piece.buffer.byteLength).toBe(piece.length);
    }
    expect(await holdsEvery(pieces)).toBe(true);
  }, 60_000);

  it('fills again the pieces its sink gives back, across threads as in the app', async () => {
    // The sink as the page is, behind a message channel, each piece moved to it and back.
    const kept: Uint8Array[] = [];
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(
      returningPieces({
        write: async (piece) => {
          await new Promise((resolve) => setTimeout(resolve, 2));
          kept.push(piece.slice());
        },
      }),
      port1,
    );
    const page = Comlink.wrap<ByteSink>(port2);
    let moved = 0;
    const zip = new ZipWriting({
      write: async (piece) => {
        const back = await page.write(Comlink.transfer(piece, [piece.buffer]));
        if (piece.buffer.byteLength === 0 && back?.length === 4 * 1024 * 1024) moved += 1;
        return back;
      },
    });
    await writeAll(zip);
    port1.close();
    // Every full piece was moved there and back (the last, short one is a copy of its own).
    expect(moved).toBe(kept.length - 1);
    expect(await holdsEvery(kept)).toBe(true);

    // In one thread, a piece given back is the very buffer filled next.
    const seen = new Set<ArrayBufferLike>();
    const copies: Uint8Array[] = [];
    const again = new ZipWriting({
      write: async (piece) => {
        seen.add(piece.buffer);
        copies.push(piece.slice());
        await new Promise((resolve) => setTimeout(resolve, 2));
        return piece;
      },
    });
    await writeAll(again);
    expect(copies.length).toBeGreaterThan(10);
    // Three full pieces at most (two in flight, one being filled), and the short last one.
    expect(seen.size).toBeLessThanOrEqual(4);
    expect(await holdsEvery(copies)).toBe(true);
  }, 60_000);

  it('writes and reads an archive past 4 GiB, with zip64 records where its offsets need them', async () => {
    // On disk, as the app saves one: 17 entries of 256 MiB (one buffer, given with a checksum so
    // that none is computed), then a small one that starts past 4 GiB.
    const folder = mkdtempSync(path.join(tmpdir(), 'waybill-zip64-'));
    const file = path.join(folder, 'big.zip');
    const out = await open(file, 'w');
    try {
      // Each piece once the one before is written, as a file handle needs.
      let written = Promise.resolve();
      const zip = new ZipWriting({
        write: (piece) => (written = written.then(async () => void (await out.write(piece)))),
      });
      const large = patterned(256 * 1024 * 1024, 3);
      for (let index = 0; index < 17; index += 1) await zip.add(`blocks/d/${index}.bin`, large, 0);
      await zip.add('blocks/d/17.bin', patterned(70_000, 4));
      await zip.close();
      await out.close();

      const archive = diskFile(file);
      expect(archive.size).toBeGreaterThan(2 ** 32);
      const directory = await zipDirectory(archive);
      expect(directory.entries.size).toBe(18);
      expect(
        same(await directory.read(directory.entries.get('blocks/d/17.bin')!), patterned(70_000, 4)),
      ).toBe(true);
      expect(same(await directory.read(directory.entries.get('blocks/d/16.bin')!), large)).toBe(
        true,
      );
    } finally {
      await out.close().catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    }
  }, 300_000);
});
