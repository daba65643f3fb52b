import { platform } from './platform';

/**
 * Asks the browser to keep this origin's storage when disk space runs low (persistent storage).
 * Chromium decides without asking the user, by how the site is used (bookmarked, installed);
 * the desktop app's storage is its own and is never evicted. Whether it was granted, Settings
 * shows.
 */
export async function askForPersistentStorage(): Promise<boolean> {
  if (platform.kind !== 'browser' || !navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}
