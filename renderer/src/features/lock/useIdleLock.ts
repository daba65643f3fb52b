import { useEffect } from 'react';
import { isUnlocked } from '../../db/databases';
import { useInvestigations } from '../../case/investigations/useInvestigations';
import { lockAgain } from './lockMutations';

let lastActivity = Date.now();
const touch = () => {
  lastActivity = Date.now();
};
const ACTIVITY = ['keydown', 'pointerdown', 'wheel'] as const;

/** Locks each unlocked investigation again once the app has gone unused for its idle time. */
export function useIdleLock(): void {
  const investigations = useInvestigations();
  useEffect(() => {
    for (const type of ACTIVITY) window.addEventListener(type, touch, { capture: true });
    const timer = window.setInterval(() => {
      const idle = Date.now() - lastActivity;
      for (const investigation of investigations ?? []) {
        const { lock } = investigation;
        if (lock && isUnlocked(investigation.id) && idle >= lock.idleMinutes * 60_000)
          lockAgain(investigation.id);
      }
    }, 5_000);
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [investigations]);
}
