import { describe, expect, it } from 'vitest';
import { buildBlock } from '#shared/customs/blocks';
import { movedBuffers } from '../../renderer/src/workers/withStoreWorker';
import { WritesInTurn } from '../../renderer/src/workers/writesInTurn';

/** Writes that finish when the test says so. */
function heldWrites() {
  const started: number[] = [];
  const finish: ((error?: Error) => void)[] = [];
  const write = (n: number) => () =>
    new Promise<void>((resolve, reject) => {
      started.push(n);
      finish.push((error) => (error ? reject(error) : resolve()));
    });
  return { write, started, finish };
}

describe('WritesInTurn', () => {
  it('keeps one write in flight: the next starts only once the one before it is done', async () => {
    const { write, started, finish } = heldWrites();
    const writes = new WritesInTurn();
    await writes.next(write(0));
    expect(started).toEqual([0]);
    const second = writes.next(write(1));
    await Promise.resolve();
    expect(started).toEqual([0]);
    finish[0]();
    await second;
    expect(started).toEqual([0, 1]);
    let settled = false;
    const last = writes.settled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    finish[1]();
    await last;
    expect(settled).toBe(true);
  });

  it('reports a failed write at the next write and at the end, and starts nothing after it', async () => {
    const { write, started, finish } = heldWrites();
    const writes = new WritesInTurn();
    await writes.next(write(0));
    finish[0](new Error('QuotaExceededError'));
    await expect(writes.next(write(1))).rejects.toThrow('QuotaExceededError');
    await expect(writes.settled()).rejects.toThrow('QuotaExceededError');
    expect(started).toEqual([0]);
  });
});

describe('movedBuffers', () => {
  it('lists the memory of every typed array of a block and its cells, once each', () => {
    const block = buildBlock('dataset', 0, []);
    const cells = block.cells!;
    const buffers = movedBuffers([block.block], [cells]);
    // Twelve typed columns, the two arrays each of the packed declaration and bill-of-lading
    // numbers, and the three arrays of packed cells.
    expect(buffers).toHaveLength(19);
    expect(new Set(buffers).size).toBe(19);
    expect(buffers).toContain(cells.packed.text.buffer);
    expect(buffers).toContain(block.block.value.buffer);
  });

  it('moves a restore batch to another thread whole: every array and file, each memory once', () => {
    const built = [buildBlock('dataset', 0, []), buildBlock('dataset', 1, [])];
    const blocks = built.map(({ block }) => block);
    const cells = built.map(({ cells }) => cells!);
    // Two files whose bytes are views into one buffer: listed once (twice would not transfer).
    const shared = new Uint8Array(8).fill(7);
    const files = [
      {
        file: { sha256: 'a', name: 'a.pdf', mime: 'application/pdf' },
        content: shared.subarray(0, 4),
      },
      {
        file: { sha256: 'b', name: 'b.pdf', mime: 'application/pdf' },
        content: shared.subarray(4),
      },
    ];
    const buffers = movedBuffers(blocks, cells, files);
    expect(buffers).toHaveLength(2 * 19 + 1);
    const moved = structuredClone({ blocks, cells, files }, { transfer: buffers });
    // Moved, not copied: the sender's arrays are emptied, the receiver's hold the values.
    expect(blocks[0].value.byteLength).toBe(0);
    expect(shared.byteLength).toBe(0);
    expect(moved.cells[1].blockNo).toBe(1);
    expect(moved.files[1].content).toEqual(new Uint8Array([7, 7, 7, 7]));
  });
});
