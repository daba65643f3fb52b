import { useState, type FormEvent } from 'react';
import type { Investigation } from '../../../../shared/investigation';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { MAX_NAME_LENGTH, renameInvestigation } from './investigationMutations';

export function RenameInvestigationDialog(props: {
  investigation: Investigation;
  onClose: () => void;
}) {
  const [name, setName] = useState(props.investigation.name);
  const { error, run } = useAction();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => renameInvestigation(props.investigation.id, name)).then(
      (done) => done && props.onClose(),
    );
  };
  return (
    <Dialog title={`Rename “${props.investigation.name}”`} onClose={props.onClose}>
      <form onSubmit={onSubmit} className="stack">
        <label htmlFor="rename-investigation">Investigation name</label>
        <input
          id="rename-investigation"
          value={name}
          maxLength={MAX_NAME_LENGTH}
          onChange={(event) => setName(event.target.value)}
          autoFocus
        />
        <ErrorMessage error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Rename
          </button>
        </div>
      </form>
    </Dialog>
  );
}
