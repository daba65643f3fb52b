import { useState, type FormEvent } from 'react';
import type { Status } from '../../../../shared/investigation';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';

/** Every status change asks for a reason (optional), which the claim's history keeps. */
export function StatusChangeDialog(props: {
  from: Status | undefined;
  to: Status;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const { error, run } = useAction();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => props.onConfirm(reason)).then((done) => done && props.onClose());
  };
  return (
    <Dialog title="Change status" onClose={props.onClose}>
      <form onSubmit={onSubmit} className="stack">
        <p>
          From <strong>{props.from?.name ?? 'no status'}</strong> to{' '}
          <strong>{props.to.name}</strong>.
        </p>
        <label htmlFor="status-reason">Reason (optional)</label>
        <textarea
          id="status-reason"
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder="e.g. The customs data comes from third-party vendors."
          autoFocus
        />
        <ErrorMessage error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Change status
          </button>
        </div>
      </form>
    </Dialog>
  );
}
