import { describe, expect, it } from 'vitest';
import { buildBlock } from '#shared/customs/blocks';
import {
  BlockWrites,
  blockBuffers,
  type BuiltBlock,
  type ImportWriter,
} from '../../renderer/src/workers/import/importWriter';

const built = (blockNo: number): BuiltBlock => buildBlock('dataset', blockNo, []);

/** A writer whose stores finish when the test says so. */
function heldWriter() {
  const started: number[] = [];
  const finish: ((error?: Error) => void)[] = [];
  const writer: ImportWriter = {
    storeBlock: ({ block }) =>
      new Promise<void>((resolve, reject) => {
        started.push(block.blockNo);
        finish.push((error) => (error ? reject(error) : resolve()));
      }),
    fileRecord: () => Promise.reject(new Error('not used')),
  };
  return { writer, started, finish };
}

describe('BlockWrites', () => {
  it('keeps one write in flight: the next starts only once the one before it is done', async () => {
    const { writer, started, finish } = heldWriter();
    const writes = new BlockWrites(writer);
    await writes.write(built(0));
    expect(started).toEqual([0]);
    const second = writes.write(built(1));
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

  it('reports a failed write at the next write and at the end, and stores nothing after it', async () => {
    const { writer, started, finish } = heldWriter();
    const writes = new BlockWrites(writer);
    await writes.write(built(0));
    finish[0](new Error('QuotaExceededError'));
    await expect(writes.write(built(1))).rejects.toThrow('QuotaExceededError');
    await expect(writes.settled()).rejects.toThrow('QuotaExceededError');
    expect(started).toEqual([0]);
  });
});

describe('blockBuffers', () => {
  it('lists the memory of every typed array of a block and its cells, once each', () => {
    const block = buildBlock('dataset', 0, []);
    const buffers = blockBuffers(block);
    // Twelve typed columns and the three arrays of packed cells.
    expect(buffers).toHaveLength(15);
    expect(new Set(buffers).size).toBe(15);
    expect(buffers).toContain(block.cells.packed.text.buffer);
    expect(buffers).toContain(block.block.value.buffer);
  });
});
