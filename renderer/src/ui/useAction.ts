import { useCallback, useState } from 'react';

/**
 * Runs a user action (usually a mutation) and keeps its error message for display, so that a refused
 * change is explained where it was asked for instead of failing silently.
 */
export function useAction(): {
  error: string | null;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  clear: () => void;
} {
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(null);
      return true;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      return false;
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { error, run, clear };
}
