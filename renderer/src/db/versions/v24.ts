import type { SchemaVersion } from './types';

/**
 * Files stored from now on have their segments sealed with AES-256-GCM by WebCrypto
 * (`StoredFile.cipher`, db/fileSealing.ts), a quarter of the work of the XChaCha20-Poly1305
 * in WebAssembly that sealed them before: an import seals its whole original file. Files stored
 * before keep their cipher: nothing is rewritten, and no index changes. The version tells an
 * earlier Waybill, which could not open such files, that the case is not its to open.
 */
export const v24: SchemaVersion = { version: 24, stores: {} };
