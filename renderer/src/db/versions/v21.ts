import type { SchemaVersion } from './types';

/**
 * A block's declaration and bill-of-lading numbers are stored packed (`packTexts` in
 * shared/customs/packedIdentifiers.ts): UTF-8 bytes and each row's length, in place of a string a
 * row, which every load of the engine parsed and encoded again. Blocks stored before keep their
 * strings: the engine and archives read either form, so nothing is rewritten (a large case's
 * blocks would take minutes), and no index changes. The version tells an earlier Waybill, which
 * reads only strings, that the case is not its to open.
 */
export const v21: SchemaVersion = { version: 21, stores: {} };
