import { useState } from 'react';
import type { Status } from '#shared/investigation';
import { FormDialog } from '../../ui/FormDialog';

/** Every status change asks for a reason (optional), which the claim's history keeps. */
export function StatusChangeDialog(props: {
  from: Status | undefined;
  to: Status;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title="Change status"
      submitLabel="Change status"
      onSubmit={() => props.onConfirm(reason)}
      onClose={props.onClose}
    >
      <p>
        From <strong>{props.from?.name ?? 'no status'}</strong> to <strong>{props.to.name}</strong>.
      </p>
      <label htmlFor="status-reason">Reason (optional)</label>
      <textarea
        autoComplete="off"
        id="status-reason"
        rows={3}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        placeholder="e.g. The customs data comes from third-party vendors."
        autoFocus
      />
    </FormDialog>
  );
}
