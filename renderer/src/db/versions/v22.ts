import type { SchemaVersion } from './types';

/**
 * A dataset's blocks share its dictionaries (`DatasetDictionaries` in shared/customs/blocks.ts):
 * each block stores the party, description and other values it adds after those of the blocks
 * before it (`dictStart`), in place of a dictionary of its own, which every load of the engine
 * parsed and looked up again (some 8,000 strings a block). A block whose rows' lines run on holds
 * only the first, and one with no duplicate row no duplicates' lines (`compactBlock`): 8 bytes a
 * row less. Blocks stored before have no `dictStart`, and every row's line and duplicate: the
 * engine and archives read both, so nothing is rewritten, and no index changes. The version tells
 * an earlier Waybill, which would read a block's numbers into its own values only, that the case
 * is not its to open.
 */
export const v22: SchemaVersion = { version: 22, stores: {} };
