import { useId, useState } from 'react';
import { quoteLine, type Excerpt } from '#shared/documents/document';
import type { EntityFlag } from '#shared/entities/entity';
import { useWithCase } from '../../case/useCase';
import { FormDialog } from '../../ui/FormDialog';
import { saveEntity, type EntityFields } from '../../case/entities/entityMutations';

const SANCTIONED = 'sanctioned';

/** Identifiers typed one a line, scheme first: `INN 0323018510`. */
const parseIdentifiers = (text: string): EntityFields['identifiers'] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const space = line.indexOf(' ');
      return space < 0
        ? { scheme: '', value: line }
        : { scheme: line.slice(0, space), value: line.slice(space + 1).trim() };
    });

/** An entity's canonical name, kind, country, identifiers and its "sanctioned" flag with proof. */
export function EntityDetailsDialog(props: {
  entityId: string;
  initial: EntityFields;
  excerpts: Excerpt[];
  onClose: () => void;
}) {
  const withCase = useWithCase();
  const id = useId();
  const { initial } = props;
  const sanction = initial.flags.find((flag) => flag.label === SANCTIONED);
  const [name, setName] = useState(initial.name);
  const [kind, setKind] = useState(initial.kind);
  const [country, setCountry] = useState(initial.country);
  const [identifiers, setIdentifiers] = useState(
    initial.identifiers.map((entry) => `${entry.scheme} ${entry.value}`.trim()).join('\n'),
  );
  const [sanctioned, setSanctioned] = useState(sanction !== undefined);
  const [flag, setFlag] = useState<EntityFlag>(
    sanction ?? { label: SANCTIONED, by: '', since: '', excerptId: '' },
  );
  const onSubmit = () =>
    withCase(saveEntity, props.entityId, {
      name,
      kind,
      country: country.trim(),
      identifiers: parseIdentifiers(identifiers),
      flags: [
        ...initial.flags.filter((other) => other.label !== SANCTIONED),
        ...(sanctioned ? [{ ...flag, by: flag.by.trim(), since: flag.since.trim() }] : []),
      ],
    });
  return (
    <FormDialog
      title={`Details of ${initial.name}`}
      submitLabel="Save"
      onSubmit={onSubmit}
      onClose={props.onClose}
    >
      <label htmlFor={`${id}-name`}>Canonical name</label>
      <input
        autoComplete="off"
        id={`${id}-name`}
        value={name}
        onChange={(event) => setName(event.target.value)}
        autoFocus
      />
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select
        autoComplete="off"
        id={`${id}-kind`}
        value={kind}
        onChange={(event) => setKind(event.target.value as EntityFields['kind'])}
      >
        <option value="company">Company</option>
        <option value="person">Person</option>
      </select>
      <label htmlFor={`${id}-country`}>Country</label>
      <input
        autoComplete="off"
        id={`${id}-country`}
        value={country}
        onChange={(event) => setCountry(event.target.value)}
      />
      <label htmlFor={`${id}-identifiers`}>Identifiers, one a line (e.g. INN 0323018510)</label>
      <textarea
        autoComplete="off"
        id={`${id}-identifiers`}
        rows={3}
        value={identifiers}
        onChange={(event) => setIdentifiers(event.target.value)}
      />
      <label>
        <input
          autoComplete="off"
          type="checkbox"
          checked={sanctioned}
          onChange={(event) => setSanctioned(event.target.checked)}
        />{' '}
        Sanctioned
      </label>
      {sanctioned && (
        <fieldset className="stack">
          <legend>Sanction</legend>
          <label htmlFor={`${id}-by`}>Sanctioned by</label>
          <input
            autoComplete="off"
            id={`${id}-by`}
            value={flag.by}
            placeholder="e.g. US Treasury (OFAC)"
            onChange={(event) => setFlag({ ...flag, by: event.target.value })}
          />
          <label htmlFor={`${id}-since`}>Since</label>
          <input
            autoComplete="off"
            id={`${id}-since`}
            type="date"
            value={flag.since}
            onChange={(event) => setFlag({ ...flag, since: event.target.value })}
          />
          <label htmlFor={`${id}-proof`}>Proof (excerpt)</label>
          <select
            autoComplete="off"
            id={`${id}-proof`}
            value={flag.excerptId}
            onChange={(event) => setFlag({ ...flag, excerptId: event.target.value })}
          >
            <option value="">None yet</option>
            {props.excerpts.map((excerpt) => (
              <option key={excerpt.id} value={excerpt.id}>
                {`p. ${excerpt.page}: “${quoteLine(excerpt, 80)}”`}
              </option>
            ))}
          </select>
        </fieldset>
      )}
    </FormDialog>
  );
}
