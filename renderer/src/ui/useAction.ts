import { useCallback, useState } from 'react';
import { messageOf } from '../lib/errorMessage';

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
      setError(messageOf(caught));
      return false;
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { error, run, clear };
}
