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
  /** The action whose message is shown; 0 for none. */
  private shown = 0;

  /** A new action, numbered. */
  start(): number {
    this.started += 1;
    return this.started;
  }

  /** Action `run` failed: its message is to be shown. */
  failed(run: number): true {
    this.shown = run;
    return true;
  }

  /** Action `run` succeeded: whether the message shown is to be cleared. */
  succeeded(run: number): boolean {
    if (this.shown > run) return false;
    this.shown = 0;
    return true;
  }

  cleared(): void {
    this.shown = 0;
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
      if (outcomes.current.failed(mine)) setError(messageOf(caught));
      return false;
    }
  }, []);
  const clear = useCallback(() => {
    outcomes.current.cleared();
    setError(null);
  }, []);
  return { error, run, clear };
}
