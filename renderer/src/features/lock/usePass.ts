import { useCallback, useEffect, useRef, useState } from 'react';
import type { PassProgress } from '../../workers/lock/lockPass';
import { messageOf } from '../../lib/errorMessage';

export type PassState = { done: number; total: number } | null;

/**
 * Runs locking or removing a lock from a dialog (the passphrase's key derivation takes a moment):
 * its progress, its error, and a close that Escape cannot use meanwhile. The dialog closes when it
 * is done.
 */
export function usePass(onClose: () => void) {
  const [progress, setProgress] = useState<PassState>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  useEffect(() => {
    running.current = progress !== null;
  }, [progress]);
  const close = useCallback(() => {
    if (!running.current) onClose();
  }, [onClose]);

  const start = (pass: (onProgress: PassProgress) => Promise<void>) => {
    setError(null);
    setProgress({ done: 0, total: 1 });
    let finished = false;
    pass((done, total) => {
      if (!finished) setProgress({ done, total });
    })
      .then(() => {
        finished = true;
        onClose();
      })
      .catch((caught: unknown) => {
        finished = true;
        setProgress(null);
        setError(messageOf(caught));
      });
  };

  return { progress, error, setError, close, start };
}
