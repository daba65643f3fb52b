import { useId } from 'react';
import type { ClaimSelection } from '#shared/dossier/model';
import type { Claim, Status } from '#shared/investigation';

const kinds: { kind: ClaimSelection['kind']; label: string }[] = [
  { kind: 'all', label: 'All claims' },
  { kind: 'statuses', label: 'By status' },
  { kind: 'tags', label: 'By tag' },
  { kind: 'claims', label: 'Picked by hand' },
];

const toggled = (list: string[], value: string, on: boolean) =>
  on ? [...list, value] : list.filter((entry) => entry !== value);

/** Which claims go into the dossier: all, by status, by tag, or picked one by one. */
export function ClaimSelectionFields(props: {
  selection: ClaimSelection;
  onChange: (selection: ClaimSelection) => void;
  statuses: Status[];
  claims: Claim[];
}) {
  const id = useId();
  const { selection, onChange } = props;
  const tags = [...new Set(props.claims.flatMap((claim) => claim.tags))].sort();
  const checkboxes = (
    legend: string,
    options: { value: string; label: string }[],
    chosen: string[],
    change: (next: string[]) => void,
  ) => (
    <fieldset className="checkbox-list">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input
            autoComplete="off"
            type="checkbox"
            checked={chosen.includes(option.value)}
            onChange={(event) => change(toggled(chosen, option.value, event.target.checked))}
          />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
  return (
    <div className="stack">
      <fieldset className="radio-row">
        <legend>Claims</legend>
        {kinds.map((entry) => (
          <label key={entry.kind}>
            <input
              autoComplete="off"
              type="radio"
              name={`${id}-kind`}
              checked={selection.kind === entry.kind}
              onChange={() =>
                onChange(
                  entry.kind === 'all'
                    ? { kind: 'all' }
                    : entry.kind === 'statuses'
                      ? { kind: 'statuses', statusIds: [] }
                      : entry.kind === 'tags'
                        ? { kind: 'tags', tags: [] }
                        : { kind: 'claims', claimIds: [] },
                )
              }
            />{' '}
            {entry.label}
          </label>
        ))}
      </fieldset>
      {selection.kind === 'statuses' &&
        checkboxes(
          'Statuses',
          props.statuses.map((status) => ({ value: status.id, label: status.name })),
          selection.statusIds,
          (statusIds) => onChange({ kind: 'statuses', statusIds }),
        )}
      {selection.kind === 'tags' &&
        checkboxes(
          'Tags',
          tags.map((tag) => ({ value: tag, label: tag })),
          selection.tags,
          (chosen) => onChange({ kind: 'tags', tags: chosen }),
        )}
      {selection.kind === 'claims' &&
        checkboxes(
          'Claims to include',
          props.claims.map((claim) => ({
            value: claim.id,
            label: claim.text.length > 90 ? `${claim.text.slice(0, 90)}…` : claim.text,
          })),
          selection.claimIds,
          (claimIds) => onChange({ kind: 'claims', claimIds }),
        )}
    </div>
  );
}
