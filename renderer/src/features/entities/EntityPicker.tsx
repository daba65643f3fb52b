import { useEffect, useEffectEvent, useId, useState } from 'react';
import type { EntityListing } from '#shared/customs/entityProfile';
import { shipmentEngine } from '../../case/shipments/shipmentWorkerClient';
import type { EngineState } from '../../case/shipments/useShipmentEngine';

const SUGGESTIONS = 20;

const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/gu, ' ').toLowerCase() === b.trim().replace(/\s+/gu, ' ').toLowerCase();

/**
 * Chooses an entity by typing its name, with the closest entities offered as the user types. The
 * choice is the entity's id, so every spelling it gathers comes with it. A name typed or pasted in
 * full is taken as soon as it is an entity's; on leaving the field (or Enter) a name that is not
 * one resolves to the only entity its words find, or is refused in words: a filter never silently
 * lacks a condition the user typed.
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
  const [problem, setProblem] = useState<string | null>(null);
  const { value, engine, onChange } = props;

  /** The suggestions for what is typed now: one named exactly so is the choice. */
  const suggest = useEffectEvent((typed: string, listings: EntityListing[]) => {
    const match = typed ? listings.find((option) => sameName(option.name, typed)) : undefined;
    if (!match) return setOptions(listings);
    onChange(match.id);
    setText('');
    setProblem(null);
  });
  useEffect(() => {
    let live = true;
    void shipmentEngine()
      .entities(text, SUGGESTIONS)
      .then((answer) => live && suggest(text, answer.listings));
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

  /**
   * On leaving the field: the one entity the words find, or a plain refusal. Asked of the engine
   * for exactly this text: the suggestions shown may still be those of what was typed before.
   */
  const settle = async () => {
    const typed = text;
    if (!typed.trim()) return setProblem(null);
    const { listings } = await shipmentEngine().entities(typed, SUGGESTIONS);
    const match =
      listings.find((option) => sameName(option.name, typed)) ??
      (listings.length === 1 ? listings[0] : undefined);
    if (match) {
      onChange(match.id);
      setText('');
      setProblem(null);
    } else
      setProblem(
        listings.length === 0
          ? `No entity is named “${typed.trim()}”: this condition is not applied.`
          : `No entity is named “${typed.trim()}”: choose one of the ${listings.length} suggestions; until then this condition is not applied.`,
      );
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
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(null);
        }}
        onBlur={() => void settle()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void settle();
        }}
      />
      {problem && (
        <p id={`${id}-problem`} role="alert" className="error small">
          {problem}
        </p>
      )}
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
