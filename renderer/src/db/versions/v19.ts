import type { SchemaVersion } from './types';

/**
 * The Shipments tab's view (shared/tabViews.ts) may say what it shows of its filter (`display`:
 * the rows, the pivot or the network) and what the pivot groups by (`pivotBy`), and a dataset may
 * have a name the user gave it (`Dataset.displayName`, shared/customs/datasetLabel.ts). All are
 * optional and absent on every earlier row, which reads as before. The `views` table also keeps
 * the Claims, Entities, Notes, Documents and History tabs' views, one record each. Every record
 * stays sealed whole: no index changes and nothing to rewrite.
 */
export const v19: SchemaVersion = { version: 19, stores: {} };
