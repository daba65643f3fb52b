import { useCallback, useRef, useState } from 'react';
import { messageOf } from '../lib/errorMessage';

/**
 * Which of a form's actions speaks: one that fails shows its message; one that succeeds clears
 * only the message of an action started before it. Actions overlap: a language file still being
 * stored (the list already showing it, as Dexie updates live queries before a write commits) must
 * not clear, once stored, the refusal of a file added after it.
 */
export class ActionOutcomes {
  private started = 0;
  private current = 0;

  /** The action whose message is shown; 0 for none. */
  get shown(): number {
    return this.current;
  }

  /** A new action, numbered. */
  start(): number {
    this.started += 1;
    return this.started;
  }

  /** Action `run` failed: its message is shown. */
  failed(run: number): void {
    this.current = run;
  }

  /** Action `run` succeeded: whether the message shown is to be cleared. */
  succeeded(run: number): boolean {
    if (this.current > run) return false;
    this.current = 0;
    return true;
  }

  cleared(): void {
    this.current = 0;
  }
}

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
  const outcomes = useRef(new ActionOutcomes());
  const run = useCallback(async (action: () => Promise<unknown>) => {
    const mine = outcomes.current.start();
    try {
      await action();
      if (outcomes.current.succeeded(mine)) setError(null);
      return true;
    } catch (caught) {
      outcomes.current.failed(mine);
      setError(messageOf(caught));
      return false;
    }
  }, []);
  const clear = useCallback(() => {
    outcomes.current.cleared();
    setError(null);
  }, []);
  return { error, run, clear };
}
