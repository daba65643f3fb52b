import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { buildBlock } from '#shared/customs/blocks';
import { pieceSource, piecesFrom, type PieceSource } from '../../renderer/src/lib/bytes';
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

describe('a large file’s pieces handed to the store worker', () => {
  /**
   * Pieces that count how many were made, and fail after `count` if told to (a changed entry);
   * `closed` once their reader stopped them.
   */
  function counted(count: number, failing = false) {
    const made = { count: 0, pieces: [] as Uint8Array[], closed: false };
    async function* pieces() {
      try {
        for (let index = 0; index < count; index += 1) {
          // Each read from the archive first, as a restore's are.
          await Promise.resolve();
          made.count += 1;
          made.pieces.push(new Uint8Array(1000).fill(index));
          yield made.pieces[index];
        }
        if (failing) throw new Error('“files/abc” does not match its SHA-256 in the manifest');
      } finally {
        made.closed = true;
      }
    }
    return { made, pieces: pieces() };
  }

  it('makes each piece only when asked for it, one ahead of the piece being stored', async () => {
    const { made, pieces } = counted(3);
    const read = piecesFrom(pieceSource(pieces))[Symbol.asyncIterator]();
    expect(made.count).toBe(0);
    expect((await read.next()).value).toEqual(new Uint8Array(1000).fill(0));
    await Promise.resolve();
    expect(made.count).toBe(2);
    expect((await read.next()).value).toEqual(new Uint8Array(1000).fill(1));
    await new Promise((resolve) => setTimeout(resolve));
    expect(made.count).toBe(3);
  });

  it('stops making pieces once its reader stops early', async () => {
    const { made, pieces } = counted(3);
    for await (const piece of piecesFrom(pieceSource(pieces))) if (piece[0] === 0) break;
    expect(made).toMatchObject({ count: 2, closed: true });
  });

  /** A worker reading pieces as the store worker does, behind a message channel. */
  function storeWorker() {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(
      {
        async sizes(source: PieceSource) {
          const sizes: number[] = [];
          for await (const piece of piecesFrom(source)) sizes.push(piece[0], piece.length);
          return sizes;
        },
      },
      port1,
    );
    return {
      worker: Comlink.wrap<{ sizes(source: PieceSource): Promise<number[]> }>(port2),
      close: () => [port1, port2].forEach((port) => port.close()),
    };
  }

  it('moves them to another thread in order, and a piece that fails fails the reading there', async () => {
    const { worker, close } = storeWorker();
    const whole = counted(3);
    expect(await worker.sizes(pieceSource(whole.pieces))).toEqual([0, 1000, 1, 1000, 2, 1000]);
    // Moved, not copied: the pieces made here are gone from this thread.
    expect(whole.made.pieces.map((piece) => piece.length)).toEqual([0, 0, 0]);
    const changed = counted(2, true);
    await expect(worker.sizes(pieceSource(changed.pieces))).rejects.toThrow(
      'does not match its SHA-256',
    );
    expect(changed.made.count).toBe(2);
    close();
  });

  it('copies a piece that is a view of a larger buffer, and moves only the copy', async () => {
    const { worker, close } = storeWorker();
    const window = new Uint8Array(3000).fill(7);
    async function* views() {
      // Read through one window, as an archive's entries are.
      for (const [from, to] of [
        [0, 1000],
        [1000, 3000],
      ]) {
        await Promise.resolve();
        yield window.subarray(from, to);
      }
    }
    expect(await worker.sizes(pieceSource(views()))).toEqual([7, 1000, 7, 2000]);
    expect(window.length).toBe(3000);
    close();
  });
});
