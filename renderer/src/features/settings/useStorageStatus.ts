import { useCallback, useEffect, useState } from 'react';

export type StorageStatus = { persisted: boolean; usage: number | null; quota: number | null };

async function readStorageStatus(): Promise<StorageStatus> {
  const [persisted, estimate] = await Promise.all([
    navigator.storage.persisted(),
    navigator.storage.estimate(),
  ]);
  return { persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}

/** Whether this origin's storage is persistent (not evicted under disk pressure), and its use. */
export function useStorageStatus(): {
  status: StorageStatus | null;
  requestPersistence: () => Promise<boolean>;
} {
  const [status, setStatus] = useState<StorageStatus | null>(null);

  useEffect(() => {
    let mounted = true;
    void readStorageStatus().then((read) => mounted && setStatus(read));
    return () => {
      mounted = false;
    };
  }, []);

  const requestPersistence = useCallback(async () => {
    const granted = await navigator.storage.persist();
    setStatus(await readStorageStatus());
    return granted;
  }, []);

  return { status, requestPersistence };
}
