import type { Investigation } from '#shared/investigation';
import { NameDialog } from '../../ui/NameDialog';
import { MAX_NAME_LENGTH, renameInvestigation } from './investigationMutations';

export function RenameInvestigationDialog(props: {
  investigation: Investigation;
  onClose: () => void;
}) {
  return (
    <NameDialog
      title={`Rename “${props.investigation.name}”`}
      label="Investigation name"
      initialName={props.investigation.name}
      submitLabel="Rename"
      maxLength={MAX_NAME_LENGTH}
      onSubmit={(name) => renameInvestigation(props.investigation.id, name)}
      onClose={props.onClose}
    />
  );
}
