/**
 * Work on one investigation that another tab must not disturb (a sealing pass, a creation, a restore), and the
 * start-up recovery that would otherwise take such work for abandoned: a Web Lock per
 * investigation, held across every tab and worker of the origin while the work runs.
 *
 * Not to be confused with the passphrase lock (features/lock, shared/lock), which seals a case's
 * records: this one only keeps two tabs from working on the same case at once.
 */
const webLockName = (investigationId: string) => `waybill-case-${investigationId}`;

/** Runs `work` holding the investigation's lock, waiting for it if another tab has it. */
export function exclusiveAcrossTabs<T>(
  investigationId: string,
  work: () => Promise<T>,
): Promise<T> {
  // Web Locks exist in every browser and worker the app runs in; the unit tests' Node has none.
  if (!globalThis.navigator?.locks) return work();
  return navigator.locks.request(webLockName(investigationId), work);
}

/**
 * Runs `recover` only if no tab holds the investigation's lock: work that is running is not
 * abandoned work. Returns whether it ran.
 */
export async function ifNoTabWorksOn(
  investigationId: string,
  recover: () => Promise<void>,
): Promise<boolean> {
  if (!globalThis.navigator?.locks) {
    await recover();
    return true;
  }
  return navigator.locks.request(
    webLockName(investigationId),
    { ifAvailable: true },
    async (lock) => {
      if (!lock) return false;
      await recover();
      return true;
    },
  );
}
