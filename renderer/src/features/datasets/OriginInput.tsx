import { useId } from 'react';
import { knownOrigins } from '#shared/customs/corroboration';
import { useDatasets } from '../../case/datasets/useDatasets';

/**
 * A dataset's origin, with the origins the investigation already states offered as it is typed:
 * typed once, picked afterwards (and one typed in another case or spacing is stored as the known
 * one, by the import and the provenance change themselves).
 */
export function OriginInput(props: {
  id?: string;
  value: string;
  onChange: (origin: string) => void;
  placeholder?: string;
}) {
  const listId = useId();
  const datasets = useDatasets();
  const origins = knownOrigins(datasets ?? []);
  return (
    <>
      <input
        autoComplete="off"
        id={props.id}
        list={listId}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        placeholder={props.placeholder}
      />
      <datalist id={listId}>
        {origins.map((origin) => (
          <option key={origin} value={origin} />
        ))}
      </datalist>
    </>
  );
}
