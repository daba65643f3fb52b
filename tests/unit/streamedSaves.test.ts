import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StreamedSaves } from '../../electron/streamedSaves';
import { SAVE_CHUNK_BYTES, saveChunkRequestSchema } from '../../shared/ipc';

const folder = () => mkdtempSync(path.join(tmpdir(), 'waybill-save-'));

describe('saves in pieces (the desktop app’s archive save)', () => {
  it('append each piece beside the target and rename it into place when committed', async () => {
    const saves = new StreamedSaves();
    const target = path.join(folder(), 'case.waybill');
    const window = {};
    const id = await saves.begin(window, target);
    await saves.write(window, id, new Uint8Array([1, 2, 3]));
    expect(existsSync(target)).toBe(false);
    await saves.write(window, id, new Uint8Array([4, 5]));
    expect(await saves.end(window, id, true)).toEqual({ name: 'case.waybill' });
    expect([...readFileSync(target)]).toEqual([1, 2, 3, 4, 5]);
    expect(readdirSync(path.dirname(target))).toEqual(['case.waybill']);
  });

  it('leave nothing behind when abandoned, or when the window goes away', async () => {
    const saves = new StreamedSaves();
    const dir = folder();
    const window = {};
    const first = await saves.begin(window, path.join(dir, 'a.waybill'));
    await saves.write(window, first, new Uint8Array(10));
    expect(await saves.end(window, first, false)).toBeNull();
    const second = await saves.begin(window, path.join(dir, 'b.waybill'));
    await saves.write(window, second, new Uint8Array(10));
    await saves.abandon(window);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('answer only the window that began the save, and take pieces of at most 8 MB', async () => {
    const saves = new StreamedSaves();
    const window = {};
    const id = await saves.begin(window, path.join(folder(), 'c.waybill'));
    await expect(saves.write({}, id, new Uint8Array(1))).rejects.toThrow('no such save');
    await expect(saves.end({}, id, true)).rejects.toThrow('no such save');
    await saves.end(window, id, false);
    const big = saveChunkRequestSchema.safeParse({
      id: crypto.randomUUID(),
      bytes: new Uint8Array(SAVE_CHUNK_BYTES + 1),
    });
    expect(big.success).toBe(false);
  });
});
