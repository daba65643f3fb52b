import { useId, useState } from 'react';
import type { Dataset } from '#shared/customs/dataset';
import { useWithCase } from '../../case/useCase';
import { FormDialog } from '../../ui/FormDialog';
import { OriginInput } from './OriginInput';
import { updateProvenance } from '../../case/datasets/datasetMutations';

/** A dataset's name in the app, vendor and origin, editable after the import. */
export function ProvenanceDialog(props: { dataset: Dataset; onClose: () => void }) {
  const withCase = useWithCase();
  const id = useId();
  const [displayName, setDisplayName] = useState(props.dataset.displayName ?? '');
  const [vendor, setVendor] = useState(props.dataset.vendor);
  const [origin, setOrigin] = useState(props.dataset.origin);
  return (
    <FormDialog
      title={`Provenance of ${props.dataset.fileName}`}
      submitLabel="Save"
      onSubmit={() => withCase(updateProvenance, props.dataset.id, { vendor, origin, displayName })}
      onClose={props.onClose}
    >
      <label htmlFor={`${id}-name`}>Name</label>
      <input
        autoComplete="off"
        id={`${id}-name`}
        value={displayName}
        placeholder={props.dataset.fileName}
        maxLength={200}
        aria-describedby={`${id}-name-hint`}
        onChange={(event) => setDisplayName(event.target.value)}
        autoFocus
      />
      <p className="hint small" id={`${id}-name-hint`}>
        What the app calls it; empty for the file’s name. Citations and the dossier keep the file’s
        name.
      </p>
      <label htmlFor={`${id}-vendor`}>Vendor</label>
      <input
        autoComplete="off"
        id={`${id}-vendor`}
        value={vendor}
        onChange={(event) => setVendor(event.target.value)}
      />
      <label htmlFor={`${id}-origin`}>Origin</label>
      <OriginInput id={`${id}-origin`} value={origin} onChange={setOrigin} />
      <p className="hint small">
        The underlying source, e.g. a country’s customs declarations. Datasets with the same origin
        count as one independent origin, whoever sold them.
      </p>
    </FormDialog>
  );
}
