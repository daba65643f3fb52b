import { describe, expect, it } from 'vitest';
import { measureDatabase, valueSize } from '../../../renderer/src/db/databaseUsage';

function createDatabase(name: string, fill: (database: IDBDatabase) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(name, 1);
    opening.onupgradeneeded = () => fill(opening.result);
    opening.onsuccess = () => {
      opening.result.close();
      resolve();
    };
    opening.onerror = () => reject(opening.error ?? new Error('could not open'));
  });
}

describe('the space a database takes', () => {
  it('counts binary data, blobs and text as stored, the rest nominally', () => {
    expect(valueSize(new Uint8Array(1000))).toBe(1000);
    expect(valueSize(new Float64Array(10))).toBe(80);
    expect(valueSize(new Blob(['x'.repeat(300)]))).toBe(300);
    expect(valueSize('abc')).toBe(6);
    expect(valueSize({ id: 'a', sealed: new Uint8Array(500), at: 3 })).toBe(
      2 * 2 + 2 + 6 * 2 + 500 + 2 * 2 + 8,
    );
    expect(valueSize([1, null, true])).toBe(12);
  });

  it('reads every record of every store, and never creates a database that is not there', async () => {
    await createDatabase('usage-test', (database) => {
      const claims = database.createObjectStore('claims', { keyPath: 'id' });
      const blocks = database.createObjectStore('blocks', { keyPath: ['datasetId', 'blockNo'] });
      for (let id = 0; id < 100; id += 1) claims.add({ id: `c${id}`, text: 'x'.repeat(50) });
      for (let blockNo = 0; blockNo < 3; blockNo += 1)
        blocks.add({ datasetId: 'd', blockNo, sealed: new Uint8Array(100_000) });
    });
    const seen: number[] = [];
    const measured = await measureDatabase('usage-test', (records) => seen.push(records));
    expect(measured.records).toBe(103);
    expect(measured.bytes).toBeGreaterThan(300_000 + 100 * 100);
    expect(measured.bytes).toBeLessThan(300_000 + 100 * 200);
    expect(seen.at(-1)).toBe(103);

    expect(await measureDatabase('usage-none')).toEqual({ bytes: 0, records: 0 });
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain(
      'usage-none',
    );
  });
});
