import type { Transaction } from 'dexie';
import { packCells } from '#shared/customs/packedCells';
import type { SchemaVersion } from './types';

/**
 * A block's raw cells are stored packed (shared/customs/packedCells.ts): UTF-8 text and where each
 * cell and row ends, in place of an array of arrays of strings. The upgrade packs every stored
 * block's cells (a few seconds for a million rows, once); its indexes do not change.
 */
export const v16: SchemaVersion = {
  version: 16,
  stores: {},
  upgrade: async (transaction: Transaction) => {
    await transaction
      .table('shipmentCells')
      .toCollection()
      .modify((record: Record<string, unknown>) => {
        if (!Array.isArray(record.cells)) return;
        record.packed = packCells(record.cells as string[][]);
        delete record.cells;
      });
  },
};
