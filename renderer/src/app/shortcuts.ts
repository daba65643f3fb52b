import { useEffect } from 'react';

/** Every keyboard shortcut of the app: the help panel lists this table, so the two never drift. */
export const shortcuts = [
  { key: 'n', action: 'new-claim', description: 'New claim (on an investigation’s claims)' },
  { key: '/', action: 'search', description: 'Search claims' },
  { key: '?', action: 'help', description: 'Show keyboard shortcuts' },
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

/** Calls `handler` for a single-key shortcut pressed outside a text field or an open dialog. */
export function useShortcut(action: ShortcutAction, handler: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (singleKeyActions[event.key] !== action) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [action, handler]);
}
