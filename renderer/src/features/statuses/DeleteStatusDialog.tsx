import { useState } from 'react';
import type { Status } from '#shared/investigation';
import { useWithCase } from '../../case/useCase';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { deleteStatus } from '../../case/statuses/statusMutations';

/** Deleting a status in use asks where its claims go. */
export function DeleteStatusDialog(props: {
  status: Status;
  statuses: Status[];
  claimCount: number;
  onClose: () => void;
}) {
  const withCase = useWithCase();
  const others = props.statuses.filter((status) => status.id !== props.status.id);
  const [target, setTarget] = useState(others[0]?.id ?? '');
  const inUse = props.claimCount > 0;
  return (
    <ConfirmDialog
      title={`Delete status “${props.status.name}”?`}
      confirmLabel="Delete status"
      onConfirm={() => withCase(deleteStatus, props.status.id, inUse ? target : undefined)}
      onClose={props.onClose}
    >
      {inUse ? (
        <label className="stack">
          <span>
            {props.claimCount} claim{props.claimCount === 1 ? ' has' : 's have'} this status. Move{' '}
            {props.claimCount === 1 ? 'it' : 'them'} to:
          </span>
          <select
            autoComplete="off"
            value={target}
            onChange={(event) => setTarget(event.target.value)}
          >
            {others.map((status) => (
              <option key={status.id} value={status.id}>
                {status.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p>No claim has this status.</p>
      )}
    </ConfirmDialog>
  );
}
