import { useEffect } from 'react';

const VISIBLE_MS = 12_000;

/** A short-lived notice with an Undo button, announced to screen readers. */
export function UndoToast(props: { message: string; onUndo: () => void; onDismiss: () => void }) {
  const { onDismiss } = props;
  useEffect(() => {
    const timer = window.setTimeout(onDismiss, VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [onDismiss]);
  return (
    <div role="status" className="toast">
      <span>{props.message}</span>
      <button type="button" onClick={props.onUndo}>
        Undo
      </button>
      <button type="button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
