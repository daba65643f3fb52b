import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StreamedSaves } from '../../electron/streamedSaves';
import { electronPlatform } from '../../renderer/src/app/electronPlatform';
import {
  ok,
  SAVE_CHUNK_BYTES,
  saveBeginRequestSchema,
  saveChunkRequestSchema,
  saveEndRequestSchema,
  type WaybillApi,
} from '../../shared/ipc';

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

  it('write pieces asked for before the last was written in the order asked', async () => {
    const saves = new StreamedSaves();
    const target = path.join(folder(), 'ordered.waybill');
    const window = {};
    const id = await saves.begin(window, target);
    const pieces = Array.from({ length: 20 }, (_, index) => new Uint8Array(200_000).fill(index));
    await Promise.all(pieces.map((piece) => saves.write(window, id, piece)));
    await saves.end(window, id, true);
    const written = readFileSync(target);
    expect(written.length).toBe(20 * 200_000);
    for (let index = 0; index < 20; index += 1)
      expect(
        written.subarray(index * 200_000, (index + 1) * 200_000).every((b) => b === index),
      ).toBe(true);
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

  describe('the renderer’s side, writing an archive into one', () => {
    /**
     * The preload's three save methods as the main process answers them (electron/ipc.ts), each
     * request checked by its schema, with the save dialog answered by `target` (or cancelled).
     */
    function desktop(target: string | null) {
      const saves = new StreamedSaves();
      const window = {};
      const chunks: number[] = [];
      const api = {
        saveBegin: async (request) => {
          saveBeginRequestSchema.parse(request);
          return ok(target === null ? null : await saves.begin(window, target));
        },
        saveChunk: async (request) => {
          const { id, bytes } = saveChunkRequestSchema.parse(request);
          chunks.push(bytes.length);
          return ok(await saves.write(window, id, bytes));
        },
        saveEnd: async (request) => {
          const { id, commit } = saveEndRequestSchema.parse(request);
          return ok(await saves.end(window, id, commit));
        },
      } as Pick<WaybillApi, 'saveBegin' | 'saveChunk' | 'saveEnd'>;
      return { platform: electronPlatform(api as WaybillApi), chunks };
    }
    const options = { suggestedName: 'case.waybill' };

    it('writes each piece as it comes, cut to the size a request may carry', async () => {
      const target = path.join(folder(), 'case.waybill');
      const { platform, chunks } = desktop(target);
      const save = (await platform.saveInto(options))!;
      const first = new Uint8Array(3 * 1024 * 1024).fill(1);
      const second = new Uint8Array(2 * SAVE_CHUNK_BYTES + 5).fill(2);
      await save.write(first);
      await save.write(second);
      expect(existsSync(target)).toBe(false);
      expect(await save.close()).toBe('case.waybill');
      expect(chunks).toEqual([first.length, SAVE_CHUNK_BYTES, SAVE_CHUNK_BYTES, 5]);
      const written = readFileSync(target);
      expect(written.length).toBe(first.length + second.length);
      expect(written.subarray(0, first.length).every((byte) => byte === 1)).toBe(true);
      expect(written.subarray(first.length).every((byte) => byte === 2)).toBe(true);
    });

    it('leaves nothing when abandoned, and gives no target when the dialog is cancelled', async () => {
      const dir = folder();
      const { platform } = desktop(path.join(dir, 'case.waybill'));
      const save = (await platform.saveInto(options))!;
      await save.write(new Uint8Array(100));
      await save.abort();
      expect(readdirSync(dir)).toEqual([]);
      expect(await desktop(null).platform.saveInto(options)).toBeNull();
    });
  });
});
