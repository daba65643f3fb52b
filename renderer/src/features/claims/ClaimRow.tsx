import type { KeyboardEvent } from 'react';
import type { Claim, Status } from '#shared/investigation';
import { StatusBadge } from '../../ui/StatusBadge';

export function ClaimRow(props: {
  claim: Claim;
  status: Status | undefined;
  selected: boolean;
  /** False flags the claim: nothing supports it yet. */
  supported: boolean;
  /** Where its evidence falls short of its status's rule (none: it meets it, or there is none). */
  ruleWarnings: string[];
  /** It cites a request for comment still awaited after its deadline. */
  awaitingOverdue: boolean;
  isFirst: boolean;
  isLast: boolean;
  onSelect: () => void;
  onMove: (direction: 'up' | 'down') => void;
}) {
  const { claim } = props;
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey) return;
    if (event.key === 'ArrowUp' && !props.isFirst) props.onMove('up');
    else if (event.key === 'ArrowDown' && !props.isLast) props.onMove('down');
    else return;
    event.preventDefault();
  };
  return (
    <li className={props.selected ? 'claim-row selected' : 'claim-row'}>
      <button
        type="button"
        className="claim-open"
        aria-current={props.selected ? 'true' : undefined}
        onClick={props.onSelect}
        onKeyDown={onKeyDown}
        data-claim-id={claim.id}
      >
        <span className="claim-text">{claim.text}</span>
        <span className="claim-meta">
          <StatusBadge status={props.status} />
          {!props.supported && <span className="tag unsupported">No supporting evidence</span>}
          {props.ruleWarnings.length > 0 && (
            <span className="tag unsupported" title={props.ruleWarnings.join(' ')}>
              Status rule not met
            </span>
          )}
          {props.awaitingOverdue && (
            <span className="tag unsupported">Request for comment overdue</span>
          )}
          {claim.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </span>
      </button>
      <span className="row-actions">
        <button
          type="button"
          aria-label="Move claim up"
          disabled={props.isFirst}
          onClick={() => props.onMove('up')}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label="Move claim down"
          disabled={props.isLast}
          onClick={() => props.onMove('down')}
        >
          ↓
        </button>
      </span>
    </li>
  );
}
