import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { useAction } from './useAction';

/**
 * Asks before a destructive action; Cancel has the focus, so Enter alone never destroys. The
 * action waits, disabled, while `ready` is false (what the question names still being found).
 */
export function ConfirmDialog(props: {
  title: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  ready?: boolean;
  children: ReactNode;
}) {
  const { error, run } = useAction();
  const onConfirm = () => void run(props.onConfirm).then((done) => done && props.onClose());
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      {props.children}
      <ErrorMessage error={error} />
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={onConfirm}
          disabled={props.ready === false}
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
