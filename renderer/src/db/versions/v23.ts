import type { SchemaVersion } from './types';

/**
 * A delimited file's raw cells are no longer stored beside its blocks: the import keeps where some
 * of its lines start (`Dataset.lineIndex`, shared/customs/lineIndex.ts), and a row's cells are
 * parsed again from the stored original when shown or exported. The cells were more bytes than the
 * file itself, sealed and written by every import. Files are now sealed in segments of 1 MB
 * (`StoredFile.segmentSize`), so that reading a row opens a MB or two of its file, not 4 or 8.
 * Datasets imported before keep their stored cells, workbooks still store theirs, and files stored
 * before keep their 4 MB segments: nothing is rewritten, and no index changes. The version tells an
 * earlier Waybill, which would show such rows without their cells and misread such files, that the
 * case is not its to open.
 */
export const v23: SchemaVersion = { version: 23, stores: {} };
