import type { SchemaVersion } from './types';

/**
 * A shipment's bill-of-lading number, its own optional field (never a declaration number): a
 * `billOfLading` column in each shipment block, sealed with the block. Nothing to upgrade: a block
 * stored before it has no such column, and its rows read as having none.
 */
export const v13: SchemaVersion = {
  version: 13,
  stores: {},
};
