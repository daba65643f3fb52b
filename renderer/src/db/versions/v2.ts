import type { SchemaVersion } from './types';

/**
 * Customs datasets, their shipments in column blocks, rejected rows, original files, remembered
 * column mappings and saved shipment filters. Nothing to upgrade: all tables are new.
 */
export const v2: SchemaVersion = {
  version: 2,
  stores: {
    datasets: 'id, status, fileSha256',
    mappings: 'signature',
    shipmentBlocks: '[datasetId+blockNo], datasetId',
    shipmentCells: '[datasetId+blockNo], datasetId',
    rowProblems: '++id, datasetId, [datasetId+rowNumber]',
    files: 'sha256',
    savedFilters: 'id, name',
  },
};
