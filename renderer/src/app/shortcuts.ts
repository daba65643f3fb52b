import { useEffect } from 'react';

/** Every keyboard shortcut of the app: the help panel lists this table, so the two never drift. */
export const shortcuts = [
  { key: 'n', action: 'new-claim', description: 'New claim (on an investigation’s claims)' },
  { key: '/', action: 'search', description: 'Search claims' },
  { key: '?', action: 'help', description: 'Show keyboard shortcuts' },
  {
    key: '1 … 9',
    action: 'tab',
    description:
      'Go to an investigation’s tab: 1 Claims, 2 Datasets, 3 Shipments, 4 Entities, 5 Documents, 6 Notes, 7 Dossier, 8 Statuses, 9 History',
  },
  { key: 'Alt+↑ / Alt+↓', action: 'move', description: 'Move the focused claim up or down' },
  { key: 'Escape', action: 'close', description: 'Close a dialog' },
] as const;

export type ShortcutAction = 'new-claim' | 'search' | 'help';

const singleKeyActions: Record<string, ShortcutAction> = {
  n: 'new-claim',
  '/': 'search',
  '?': 'help',
};

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A single key pressed outside a text field or an open dialog, without a modifier. */
const singleKey = (event: KeyboardEvent): boolean =>
  !(event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) &&
  !document.querySelector('dialog[open]');

/** Calls `handler` for a single-key shortcut pressed outside a text field or an open dialog. */
export function useShortcut(action: ShortcutAction, handler: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!singleKey(event) || singleKeyActions[event.key] !== action) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [action, handler]);
}

/** Calls `handler` with the digit (1–9) of a digit key pressed as a single-key shortcut. */
export function useDigitShortcut(handler: (digit: number) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!singleKey(event) || !/^[1-9]$/.test(event.key)) return;
      event.preventDefault();
      handler(Number(event.key));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handler]);
}
