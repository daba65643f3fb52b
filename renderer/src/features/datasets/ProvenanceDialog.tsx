import { useId, useState } from 'react';
import type { Dataset } from '#shared/customs/dataset';
import { useWithCase } from '../../case/useCase';
import { FormDialog } from '../../ui/FormDialog';
import { OriginInput } from './OriginInput';
import { updateProvenance } from '../../case/datasets/datasetMutations';

/** A dataset's vendor and origin, editable after the import. */
export function ProvenanceDialog(props: { dataset: Dataset; onClose: () => void }) {
  const withCase = useWithCase();
  const id = useId();
  const [vendor, setVendor] = useState(props.dataset.vendor);
  const [origin, setOrigin] = useState(props.dataset.origin);
  return (
    <FormDialog
      title={`Provenance of ${props.dataset.fileName}`}
      submitLabel="Save"
      onSubmit={() => withCase(updateProvenance, props.dataset.id, { vendor, origin })}
      onClose={props.onClose}
    >
      <label htmlFor={`${id}-vendor`}>Vendor</label>
      <input
        autoComplete="off"
        id={`${id}-vendor`}
        value={vendor}
        onChange={(event) => setVendor(event.target.value)}
        autoFocus
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
