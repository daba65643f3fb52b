import type { FormEvent, ReactNode } from 'react';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { useAction } from './useAction';

/**
 * A dialog holding one form: its fields, a refusal explained in place, Cancel and the action.
 * The action waits, disabled, while `ready` is false (what it acts on still loading, or absent).
 */
export function FormDialog(props: {
  title: string;
  submitLabel: string;
  onSubmit: () => Promise<unknown>;
  onClose: () => void;
  ready?: boolean;
  children: ReactNode;
}) {
  const { error, run } = useAction();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(props.onSubmit).then((done) => done && props.onClose());
  };
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form onSubmit={onSubmit} className="stack">
        {props.children}
        <ErrorMessage error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={props.ready === false}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
