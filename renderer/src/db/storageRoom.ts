/**
 * Room in the browser's storage for this app's origin. Work that stores much (an import, a
 * restore) first compares what it will need with `navigator.storage.estimate()` and refuses, in
 * numbers, what will not fit; if the quota runs out anyway (another program filled the disk), the
 * work's own rollback runs and the message says so plainly.
 */

/** Thrown before anything is stored: the work will not fit. */
export class NoRoomError extends Error {}

const MB = 1024 * 1024;

/** "180 KB", "540 MB", "1.2 GB": enough to compare, never a raw byte count. */
export function roughSize(bytes: number): string {
  if (bytes >= 1024 * MB) return `${(bytes / (1024 * MB)).toFixed(1)} GB`;
  if (bytes >= MB) return `${Math.round(bytes / MB).toLocaleString('en')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** What the origin may still store, by the browser's estimate; null where it gives none. */
export async function storageLeft(): Promise<number | null> {
  const estimate = await navigator.storage?.estimate?.();
  if (!estimate?.quota) return null;
  return Math.max(0, estimate.quota - (estimate.usage ?? 0));
}

/**
 * Refuses `work` (a phrase: "Importing “x.csv”") if it needs more than the storage left: what it
 * needs is an estimate, so the refusal says "about".
 */
export async function ensureRoom(work: string, needed: number): Promise<void> {
  const left = await storageLeft();
  if (left === null || needed <= left) return;
  throw new NoRoomError(
    `${work} needs about ${roughSize(needed)} of storage, and this browser allows Waybill only ${roughSize(left)} more. Free space on the disk, or remove an investigation you no longer need, and try again.`,
  );
}

/** Whether an error (from IndexedDB, Dexie or a Blob) is the storage quota running out. */
export function isQuotaError(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth += 1) {
    const { name, inner } = cause as { name?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    cause = inner;
  }
  return false;
}

/** The plain message for a quota that ran out in the middle of `work`, after its rollback. */
export const ranOutMessage = (work: string): string =>
  `The storage this browser allows Waybill ran out while ${work}: it was rolled back, and nothing of it was kept. Free space on the disk, or remove an investigation you no longer need, and try again.`;
