import type { Investigation } from '#shared/investigation';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { deleteInvestigation } from './investigationMutations';

export function DeleteInvestigationDialog(props: {
  investigation: Investigation;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      title={`Delete “${props.investigation.name}”?`}
      confirmLabel="Delete investigation"
      onConfirm={() => deleteInvestigation(props.investigation.id)}
      onClose={props.onClose}
    >
      <p>
        This deletes the investigation <strong>{props.investigation.name}</strong> and its database:
        every claim, status and history entry in it. It cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
