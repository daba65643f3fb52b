import { useState, type FormEvent } from 'react';
import type { SavedFilter, ShipmentFilter } from '#shared/customs/shipmentFilter';
import { useWithCase } from '../../case/useCase';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DeleteEvidenceDialog } from '../evidence';
import { useAction } from '../../ui/useAction';
import { deleteSavedFilter, saveFilter } from '../../case/shipments/savedFilterMutations';
import { useSavedFilters } from '../../case/shipments/useSavedFilters';

export function SavedFilters(props: {
  filter: ShipmentFilter;
  onApply: (filter: ShipmentFilter) => void;
}) {
  const withCase = useWithCase();
  const saved = useSavedFilters();
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState<SavedFilter | null>(null);
  const { error, run } = useAction();
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await withCase(saveFilter, name, props.filter);
      setName('');
    });
  };
  return (
    <details className="saved-filters">
      <summary>Saved filters ({saved?.length ?? 0})</summary>
      <form className="inline-form" onSubmit={onSave}>
        <label htmlFor="saved-filter-name">Filter name</label>
        <input
          autoComplete="off"
          id="saved-filter-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. Poly → Ulan-Ude, 2022"
        />
        <button type="submit">Save filter</button>
      </form>
      <ErrorMessage error={error} />
      <ul>
        {saved?.map((entry) => (
          <li key={entry.id}>
            {entry.name}{' '}
            <button
              type="button"
              onClick={() => props.onApply(entry.filter)}
              aria-label={`Apply filter ${entry.name}`}
            >
              Apply
            </button>{' '}
            <button
              type="button"
              className="danger"
              onClick={() => setDeleting(entry)}
              aria-label={`Delete filter ${entry.name}`}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      {deleting && (
        <DeleteEvidenceDialog
          target={{ type: 'savedFilter', id: deleting.id }}
          title={`Delete saved filter “${deleting.name}”?`}
          confirmLabel="Delete filter"
          onConfirm={(removeLinks) => withCase(deleteSavedFilter, deleting.id, removeLinks)}
          onClose={() => setDeleting(null)}
        >
          <p>The filter goes; the shipments it matched stay.</p>
        </DeleteEvidenceDialog>
      )}
    </details>
  );
}
