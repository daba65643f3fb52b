import { useState } from 'react';
import type { Status, StatusRule } from '#shared/investigation';
import { useWithCase } from '../../case/useCase';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { moveStatus, updateStatus } from '../../case/statuses/statusMutations';

const ruleParts = [
  { key: 'minSupporting', label: 'Minimum supporting items' },
  { key: 'minOrigins', label: 'Minimum independent origins' },
] as const;

type RuleDraft = Record<keyof StatusRule, string>;

const ruleFields = (rule: StatusRule | undefined): RuleDraft => ({
  minSupporting: String(rule?.minSupporting ?? 0),
  minOrigins: String(rule?.minOrigins ?? 0),
});

/** The typed minimums as numbers (an empty field is 0; anything else is checked when saved). */
const parsedRule = (draft: RuleDraft): StatusRule => ({
  minSupporting: draft.minSupporting.trim() === '' ? 0 : Number(draft.minSupporting),
  minOrigins: draft.minOrigins.trim() === '' ? 0 : Number(draft.minOrigins),
});

/** One editable status; text fields save when they lose focus, the others at once. */
export function StatusRow(props: {
  status: Status;
  claimCount: number;
  isFirst: boolean;
  isLast: boolean;
  onDelete: () => void;
}) {
  const withCase = useWithCase();
  const { status } = props;
  const [name, setName] = useState(status.name);
  const [description, setDescription] = useState(status.description);
  // Held here too, so the control answers at once rather than when the database has.
  const [color, setColor] = useState(status.color);
  const [publishable, setPublishable] = useState(status.publishable);
  const [rule, setRule] = useState(() => ruleFields(status.rule));
  const { error, run } = useAction();
  const save = (changes: Partial<Status>) =>
    void run(() => withCase(updateStatus, status.id, changes));

  return (
    <tr>
      <td>
        <input
          autoComplete="off"
          aria-label={`Name of status ${status.name}`}
          value={name}
          onChange={(event) => setName(event.target.value)}
          onBlur={() => save({ name })}
        />
        <ErrorMessage error={error} />
      </td>
      <td>
        <input
          autoComplete="off"
          type="color"
          aria-label={`Colour of status ${status.name}`}
          value={color}
          onChange={(event) => {
            setColor(event.target.value);
            save({ color: event.target.value });
          }}
        />
      </td>
      <td>
        <input
          autoComplete="off"
          aria-label={`Description of status ${status.name}`}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          onBlur={() => save({ description })}
        />
      </td>
      <td>
        <input
          autoComplete="off"
          type="checkbox"
          aria-label={`Status ${status.name} is publishable`}
          checked={publishable}
          onChange={(event) => {
            setPublishable(event.target.checked);
            save({ publishable: event.target.checked });
          }}
        />
      </td>
      <td>
        <span className="rule-fields">
          {ruleParts.map(({ key, label }) => (
            <label key={key}>
              <span className="small">{label}</span>
              <input
                autoComplete="off"
                type="number"
                min={0}
                max={1000}
                step={1}
                inputMode="numeric"
                aria-label={`${label} for status ${status.name}`}
                value={rule[key]}
                onChange={(event) => setRule({ ...rule, [key]: event.target.value })}
                onBlur={() => {
                  const next = parsedRule(rule);
                  save({ rule: next.minSupporting || next.minOrigins ? next : undefined });
                }}
              />
            </label>
          ))}
        </span>
      </td>
      <td>{props.claimCount}</td>
      <td>
        <span className="row-actions">
          <button
            type="button"
            disabled={props.isFirst}
            aria-label={`Move status ${status.name} up`}
            onClick={() => void run(() => withCase(moveStatus, status.id, 'up'))}
          >
            ↑
          </button>
          <button
            type="button"
            disabled={props.isLast}
            aria-label={`Move status ${status.name} down`}
            onClick={() => void run(() => withCase(moveStatus, status.id, 'down'))}
          >
            ↓
          </button>
          <button
            type="button"
            className="danger"
            aria-label={`Delete status ${status.name}`}
            onClick={props.onDelete}
          >
            Delete
          </button>
        </span>
      </td>
    </tr>
  );
}
