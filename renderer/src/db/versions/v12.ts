import type { SchemaVersion } from './types';

/**
 * Remembered column mappings leave the case: how files of a layout are read is app-wide now (the
 * index database's `layouts`, holding every decision of an import, not only its columns). A case's
 * old mappings are dropped with their table; archives that still carry them restore without them.
 */
export const v12: SchemaVersion = {
  version: 12,
  stores: { mappings: null },
};
