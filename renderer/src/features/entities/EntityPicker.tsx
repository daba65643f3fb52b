import { useEffect, useId, useState } from 'react';
import type { EntityListing } from '#shared/customs/entityProfile';
import { shipmentEngine } from '../../case/shipments/shipmentWorkerClient';
import type { EngineState } from '../../case/shipments/useShipmentEngine';

const SUGGESTIONS = 20;

/**
 * Chooses an entity by typing its name, with the closest entities offered as the user types. The
 * choice is the entity's id, so every spelling it gathers comes with it.
 */
export function EntityPicker(props: {
  label: string;
  value: string;
  engine: EngineState;
  onChange: (entityId: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<EntityListing[]>([]);
  const [chosenName, setChosenName] = useState<{ id: string; name: string } | null>(null);
  const { value, engine } = props;

  useEffect(() => {
    let live = true;
    void shipmentEngine()
      .entities(text, SUGGESTIONS)
      .then((answer) => live && setOptions(answer.listings));
    return () => {
      live = false;
    };
  }, [text, engine.key]);

  useEffect(() => {
    if (!value) return undefined;
    let live = true;
    void shipmentEngine()
      .entity(value)
      .then(
        (found) =>
          live && setChosenName({ id: value, name: found?.name ?? '(entity no longer exists)' }),
      );
    return () => {
      live = false;
    };
  }, [value, engine.key]);

  const choose = (typed: string) => {
    setText(typed);
    const match = options.find((option) => option.name === typed);
    if (match) {
      props.onChange(match.id);
      setText('');
    }
  };

  if (value) {
    const name = chosenName?.id === value ? chosenName.name : '…';
    return (
      <div className="filter">
        <span id={`${id}-label`}>{props.label}</span>
        <span className="chip" aria-labelledby={`${id}-label`}>
          {name}
          <button
            type="button"
            className="small"
            aria-label={`Clear ${props.label.toLowerCase()} ${name}`}
            onClick={() => props.onChange('')}
          >
            ×
          </button>
        </span>
      </div>
    );
  }
  return (
    <div className="filter">
      <label htmlFor={id}>{props.label}</label>
      <input
        autoComplete="off"
        id={id}
        list={`${id}-options`}
        value={text}
        size={18}
        placeholder="type a name"
        onChange={(event) => choose(event.target.value)}
      />
      <datalist id={`${id}-options`}>
        {options.map((option) => (
          <option key={option.id} value={option.name}>
            {`${option.shipments} shipments, ${option.spellings} spellings`}
          </option>
        ))}
      </datalist>
    </div>
  );
}
