/**
 * The space an investigation's databases take, measured by reading them: IndexedDB has no figure
 * per database (the browser's estimate is the origin's total), so every record is read once,
 * sealed as it is stored, and its size taken. Its bytes (typed arrays, blobs, strings) count; the
 * browser's own overhead and compression do not, so the figure is "about".
 */

/** The bytes a stored value holds: binary data and text counted as stored, the rest nominal. */
export function valueSize(value: unknown, depth = 0): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') return value.length * 2;
  if (typeof value === 'number' || typeof value === 'bigint') return 8;
  if (typeof value === 'boolean') return 4;
  if (value instanceof Blob) return value.size;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (value instanceof Date) return 8;
  if (typeof value !== 'object' || depth > 32) return 0;
  let size = 0;
  if (Array.isArray(value)) {
    for (const item of value) size += valueSize(item, depth + 1);
    return size;
  }
  for (const [key, item] of Object.entries(value))
    size += key.length * 2 + valueSize(item, depth + 1);
  return size;
}

const request = <T>(asked: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    asked.onsuccess = () => resolve(asked.result);
    asked.onerror = () => reject(asked.error ?? new Error('IndexedDB refused the read.'));
  });

/**
 * Opens an existing database as it is (no version asked, so nothing is upgraded), or null if there
 * is none: opening a name that does not exist would create it.
 */
async function openExisting(name: string): Promise<IDBDatabase | null> {
  const known = await indexedDB.databases();
  if (!known.some((database) => database.name === name)) return null;
  const opening = indexedDB.open(name);
  // A database being created meanwhile is not ours to shape: give it up.
  opening.onupgradeneeded = () => opening.transaction?.abort();
  try {
    return await request(opening);
  } catch {
    return null;
  }
}

/**
 * Reads every record of the database `name` (one store at a time, by cursor): the bytes they hold,
 * keys included, and how many there are; `onRecords` hears how many have been read so far.
 */
export async function measureDatabase(
  name: string,
  onRecords?: (records: number) => void,
): Promise<{ bytes: number; records: number }> {
  const database = await openExisting(name);
  if (!database) return { bytes: 0, records: 0 };
  // Another tab upgrading the database must not wait for this reading.
  database.onversionchange = () => database.close();
  let bytes = 0;
  let records = 0;
  try {
    for (const store of [...database.objectStoreNames]) {
      const cursor = database.transaction(store, 'readonly').objectStore(store).openCursor();
      await new Promise<void>((resolve, reject) => {
        cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB refused the read.'));
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) return resolve();
          bytes += valueSize(at.primaryKey) + valueSize(at.value);
          records += 1;
          if (records % 64 === 0) onRecords?.(records);
          at.continue();
        };
      });
    }
  } finally {
    database.close();
  }
  onRecords?.(records);
  return { bytes, records };
}
