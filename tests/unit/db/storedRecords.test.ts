import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { buildBlock, DatasetDictionaries } from '../../../shared/customs/blocks';
import { shipment } from '../shipmentRows';
import type { ShipmentBlock } from '../../../shared/customs/dataset';
import { investigationDb } from '../../../renderer/src/db/databases';
import { InvestigationDb } from '../../../renderer/src/db/schema';
import { readStored, storedBuffers, storedOpener } from '../../../renderer/src/db/storedRecords';
import { createInvestigation } from '../../../renderer/src/features/investigations/investigationMutations';
import { loadIndex } from '../../../renderer/src/workers/shipments/loadIndex';
import type { StoredBlocksReader } from '../../../renderer/src/workers/shipments/storedBlocks';

/** A dataset's blocks as an import stores them, sharing its dictionaries. */
function blocksOf(datasetId: string, count: number, rows = 50): ShipmentBlock[] {
  const dictionaries = new DatasetDictionaries();
  return Array.from(
    { length: count },
    (_, blockNo) =>
      buildBlock(
        datasetId,
        blockNo,
        Array.from({ length: rows }, (_, row) => {
          const line = blockNo * rows + row + 2;
          return shipment(line, { shipper: `Shipper ${line % 7}`, value: line * 10.25 });
        }),
        dictionaries,
      ).block,
  );
}

const between = (db: InvestigationDb, datasetId: string, from: number, until: number) =>
  db.shipmentBlocks
    .where('[datasetId+blockNo]')
    .between([datasetId, from], [datasetId, until], true, false)
    .toArray();

/** The stored form of a table's records, as IndexedDB holds them. */
const rawStore = (db: InvestigationDb, mode: IDBTransactionMode) =>
  db.backendDB().transaction('shipmentBlocks', mode).objectStore('shipmentBlocks');

const settled = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('failed'));
  });

describe('stored records read beneath the sealing middleware', () => {
  it('read as sealed and open as the middleware opens them, each only in its own place', async () => {
    const db = investigationDb(await createInvestigation('Read apart'));
    await db.shipmentBlocks.bulkPut([...blocksOf('d1', 4), ...blocksOf('d2', 1)]);

    const stored = await readStored(db, 'shipmentBlocks', ['d1', 1], ['d1', 3]);
    const open = storedOpener(db, 'shipmentBlocks');
    expect(stored.map(open)).toEqual(await between(db, 'd1', 1, 3));
    // What crosses to the thread that opens them: its key in the clear and its sealed bytes, in a
    // buffer of its own (moving it moves nothing else); no name or number as text.
    for (const record of stored) {
      expect(Object.keys(record as object).sort()).toEqual(['$sealed', 'blockNo', 'datasetId']);
      const { $sealed: sealed } = record as { $sealed: Uint8Array };
      expect(sealed.buffer.byteLength).toBe(sealed.byteLength);
      expect(Buffer.from(sealed).includes('Shipper 3')).toBe(false);
    }
    expect(storedBuffers(stored)).toHaveLength(2);
    expect(await readStored(db, 'shipmentBlocks', ['d2', 1], ['d2', 9])).toEqual([]);

    // A sealed block copied over another's place is refused, not opened as that block.
    const [first] = await readStored(db, 'shipmentBlocks', ['d1', 0], ['d1', 1]);
    await settled(rawStore(db, 'readwrite').put({ ...(first as object), blockNo: 2 }));
    const [moved] = await readStored(db, 'shipmentBlocks', ['d1', 2], ['d1', 3]);
    expect(() => open(moved)).toThrow(/cannot be decrypted/);
  });

  it('come as they are stored from a case kept in the clear', async () => {
    const db = new InvestigationDb({ investigationId: 'clear-two-halves' });
    await db.shipmentBlocks.bulkPut(blocksOf('d1', 3));
    const records = await readStored(db, 'shipmentBlocks', ['d1', 0], ['d1', 3]);
    expect(records).toEqual(await between(db, 'd1', 0, 3));
    expect(records.map(storedOpener(db, 'shipmentBlocks'))).toEqual(records);
    db.close();
  });

  it('load the engine alike when read in another thread and moved to it', async () => {
    const db = investigationDb(await createInvestigation('Read elsewhere'));
    await db.datasets.bulkPut(
      ['d1', 'd2'].map((id, at) => ({
        id,
        fileName: `${id}.csv`,
        importedAt: at,
        status: 'complete',
        counts: { accepted: id === 'd1' ? 20 * 50 : 3 * 50 },
      })) as never,
    );
    await db.shipmentBlocks.bulkPut([...blocksOf('d1', 20), ...blocksOf('d2', 3)]);

    // The store worker as the engine has it: behind a message channel, what it read moved over.
    const { port1, port2 } = new MessageChannel();
    let moved = 0;
    Comlink.expose(
      {
        async read(datasetId: string, from: number, until: number) {
          const records = await readStored(
            db,
            'shipmentBlocks',
            [datasetId, from],
            [datasetId, until],
          );
          const buffers = storedBuffers(records);
          moved += buffers.length;
          return Comlink.transfer(records, buffers);
        },
      },
      port1,
    );
    const store = Comlink.wrap<{ read: StoredBlocksReader }>(port2);
    const elsewhere = await loadIndex(db, undefined, (datasetId, from, until) =>
      store.read(datasetId, from, until),
    );
    port1.close();
    const here = await loadIndex(db);
    expect(moved).toBe(23);
    expect(elsewhere.count).toBe(1_150);
    for (const row of [0, 49, 50, 999, 1_000, 1_149])
      expect(elsewhere.row(row)).toEqual(here.row(row));
    expect(elsewhere.row(1_149)).toMatchObject({
      datasetId: 'd2',
      declarationId: 'D-151',
      shipper: 'Shipper 4',
    });
    expect(elsewhere.row(999)).toMatchObject({ datasetId: 'd1', shipper: 'Shipper 0' });
  });
});
