/**
 * Where the keys of an investigation without a passphrase are kept: one file per database in the
 * origin's private file system, never in IndexedDB.
 *
 * Every investigation's database is sealed (see sealingMiddleware): none of its text reaches
 * IndexedDB in the clear. That is what makes the lock hold. Chromium deletes IndexedDB records
 * lazily, at a compaction it schedules itself ("the data may or may not still exist, even after
 * Chrome restarts", says its source), so a case stored in the clear and then locked would stay
 * readable on disk for as long as Chromium pleases. A file of the private file system is a real
 * file, and deleting it removes it at once. Locking wraps the keys under the passphrase and deletes
 * this file: whatever Chromium has not compacted yet can no longer be opened.
 */
import { KEY_BYTES, type LockKeys } from '#shared/lock/sealing';

const FOLDER = 'investigation-keys';

const folder = async (): Promise<FileSystemDirectoryHandle> =>
  (await navigator.storage.getDirectory()).getDirectoryHandle(FOLDER, { create: true });

const isNotFound = (error: unknown) =>
  error instanceof DOMException && error.name === 'NotFoundError';

/** Writes the keys of a database (named by its database id, see databaseIdOf). */
export async function storeKeys(databaseId: string, keys: LockKeys): Promise<void> {
  const bytes = new Uint8Array(2 * KEY_BYTES);
  bytes.set(keys.sealKey);
  bytes.set(keys.indexKey, KEY_BYTES);
  const file = await (await folder()).getFileHandle(databaseId, { create: true });
  // The new contents replace the file only when closed: a cut-short write leaves no half key.
  const writable = await file.createWritable();
  await writable.write(bytes);
  await writable.close();
  bytes.fill(0);
}

/** The stored keys of a database; undefined when it has none (it is locked, or predates them). */
export async function readStoredKeys(databaseId: string): Promise<LockKeys | undefined> {
  let bytes: Uint8Array;
  try {
    const file = await (await folder()).getFileHandle(databaseId);
    bytes = new Uint8Array(await (await file.getFile()).arrayBuffer());
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  if (bytes.length !== 2 * KEY_BYTES) {
    throw new Error(`The stored keys of database ${databaseId} are damaged.`);
  }
  return { sealKey: bytes.slice(0, KEY_BYTES), indexKey: bytes.slice(KEY_BYTES) };
}

/** Deletes the stored keys of a database, if it has any. */
export async function discardStoredKeys(databaseId: string): Promise<void> {
  try {
    await (await folder()).removeEntry(databaseId);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** The database ids that have stored keys. */
export async function databasesWithStoredKeys(): Promise<string[]> {
  const names: string[] = [];
  for await (const name of (await folder()).keys()) names.push(name);
  return names;
}
