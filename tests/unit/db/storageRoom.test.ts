import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ensureRoom,
  isQuotaError,
  NoRoomError,
  ranOutMessage,
  roughSize,
  storageLeft,
} from '../../../renderer/src/db/storageRoom';
import { investigationDb } from '../../../renderer/src/db/databases';
import { createInvestigation } from '../../../renderer/src/features/investigations/investigationMutations';
import { fixture } from '../../fixtureSets';
import { importFixture } from './customsFixture';

const MB = 1024 * 1024;
const estimating = (usage: number, quota: number) =>
  vi.stubGlobal('navigator', { storage: { estimate: () => Promise.resolve({ usage, quota }) } });

afterEach(() => vi.unstubAllGlobals());

describe('room in storage', () => {
  it('is what the quota leaves, or unknown where the browser gives no estimate', async () => {
    estimating(300 * MB, 1024 * MB);
    expect(await storageLeft()).toBe(724 * MB);
    vi.stubGlobal('navigator', {});
    expect(await storageLeft()).toBeNull();
    await expect(ensureRoom('Importing “x.csv”', 10 ** 12)).resolves.toBeUndefined();
  });

  it('refuses work that will not fit, in numbers, and lets through work that will', async () => {
    estimating(900 * MB, 1024 * MB);
    await expect(ensureRoom('Importing “big.csv”', 100 * MB)).resolves.toBeUndefined();
    const refusal = ensureRoom('Importing “big.csv”', 540 * MB);
    await expect(refusal).rejects.toBeInstanceOf(NoRoomError);
    await expect(refusal).rejects.toThrow(
      'Importing “big.csv” needs about 540 MB of storage, and this browser allows Waybill only 124 MB more.',
    );
  });

  it('writes sizes roughly, never as raw bytes', () => {
    expect(roughSize(1)).toBe('1 KB');
    expect(roughSize(180 * 1024)).toBe('180 KB');
    expect(roughSize(1536 * MB)).toBe('1.5 GB');
    expect(roughSize(12_345 * 1024)).toBe('12 MB');
  });

  it('tells the quota running out from other failures, however IndexedDB or Dexie wrap it', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota))).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.ConstraintError('key exists'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(ranOutMessage('importing “big.csv”')).toMatch(
      /^The storage this browser allows Waybill ran out while importing “big\.csv”: it was rolled back, and nothing of it was kept\./,
    );
  });
});

describe('an import that will not fit', () => {
  it('is refused before it starts, and stores nothing', async () => {
    const db = investigationDb(await createInvestigation('Small disk'));
    await importFixture(db, fixture('customs', 'vendor-b-2022.tsv'));
    const before = [await db.datasets.count(), await db.shipmentBlocks.count()];
    estimating(900 * MB, 900 * MB + 20 * 1024);
    await expect(importFixture(db, fixture('customs', 'vendor-a-2022.csv'))).rejects.toThrow(
      /^Importing “vendor-a-2022\.csv” needs about \d+ KB of storage, and this browser allows Waybill only 20 KB more\./,
    );
    expect([await db.datasets.count(), await db.shipmentBlocks.count()]).toEqual(before);
  });
});
