import { useCallback, useEffect, useState } from 'react';
import type { TabView } from '#shared/tabViews';
import { useCaseDb } from '../caseDb';

/**
 * What each tab of each open case was showing, for the session: switching back to a tab finds it
 * at once, without a read. The case's database keeps it across reloads (shared/tabViews.ts).
 */
const kept = new Map<string, TabView>();
/** Views changed but not yet written, by key: the timer and the write it will make. */
const pendingWrites = new Map<string, { timer: number; write: () => void }>();

let flushOnLeave = false;

/** A reload or a closed window writes what is still waiting, rather than lose the last change. */
function writeWaitingOnLeave(): void {
  if (flushOnLeave) return;
  flushOnLeave = true;
  window.addEventListener('pagehide', () => {
    for (const { write } of [...pendingWrites.values()]) write();
  });
}

/** Forgets every view held in memory (a filter can hold names): when a case is locked again. */
export function forgetTabViews(): void {
  kept.clear();
}

/** How long a view stays unwritten after a change: typing a filter is one write, not one a key. */
const WRITE_AFTER_MS = 400;

/**
 * A tab's view: as it was left (this session, else as the case stored it, else `fallback`), with
 * `override` on top (what a link opened the tab on). Null until read. Each change (a view, or a
 * function of the latest one) is kept at once and written to the case's database shortly after.
 */
export function useTabView<V extends TabView>(
  fallback: V,
  override?: Partial<V> | null,
): [V | null, (next: V | ((current: V) => V)) => void] {
  const db = useCaseDb();
  const key = `${db.name}\n${fallback.id}`;
  const [view, setView] = useState<V | null>(() => {
    const known = kept.get(key) as V | undefined;
    if (!known) return null;
    const next = { ...known, ...override };
    kept.set(key, next);
    return next;
  });

  useEffect(() => {
    if (view) return undefined;
    let live = true;
    void db.views
      .get(fallback.id)
      .catch(() => undefined)
      .then((stored) => {
        if (!live) return;
        const next = { ...fallback, ...(stored as Partial<V> | undefined), ...override };
        kept.set(key, next);
        setView(next);
      });
    return () => {
      live = false;
    };
    // Read once per case and tab; `fallback` and `override` are the first render's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);

  const write = useCallback(() => {
    window.clearTimeout(pendingWrites.get(key)?.timer);
    pendingWrites.delete(key);
    const latest = kept.get(key);
    // A view is worth keeping, not worth an error: a case locked meanwhile keeps the last one.
    if (latest) void db.views.put(latest).catch(() => undefined);
  }, [db, key]);

  // Leaving the tab writes what is still waiting.
  useEffect(
    () => () => {
      if (pendingWrites.has(key)) write();
    },
    [key, write],
  );

  const change = useCallback(
    (update: V | ((current: V) => V)) => {
      const current = kept.get(key) as V | undefined;
      // An update of a view not read yet has nothing to apply to.
      if (typeof update === 'function' && !current) return;
      const next = typeof update === 'function' ? update(current!) : update;
      kept.set(key, next);
      setView(next);
      writeWaitingOnLeave();
      window.clearTimeout(pendingWrites.get(key)?.timer);
      pendingWrites.set(key, { timer: window.setTimeout(write, WRITE_AFTER_MS), write });
    },
    [key, write],
  );
  return [view, change];
}
