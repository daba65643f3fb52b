import type { Investigation } from '#shared/investigation';
import { routeHref } from '../../app/useHashRoute';
import { formatDate } from '../../ui/formatting';
import { lockAgain } from '../lock';
import { useClaimCount, useIsOpen } from '../../case/investigations/useInvestigations';

type Act = (investigation: Investigation) => void;

export function InvestigationRow(props: {
  investigation: Investigation;
  onRename: Act;
  onDelete: Act;
  onBackUp: Act;
  onLock: Act;
  onRemoveLock: Act;
}) {
  const { investigation } = props;
  const { name } = investigation;
  const open = useIsOpen(investigation);
  const claimCount = useClaimCount(investigation);
  const action = (label: string, ariaLabel: string, act: () => void, className?: string) => (
    <button type="button" className={className} onClick={act} aria-label={ariaLabel}>
      {label}
    </button>
  );
  return (
    <tr>
      <th scope="row">
        <a href={routeHref({ page: 'claims', investigationId: investigation.id })}>{name}</a>
        {investigation.synthetic && <span className="tag synthetic">Synthetic sample</span>}
        {investigation.lock && <span className="tag">{open ? 'Locked, open now' : 'Locked'}</span>}
      </th>
      <td>{formatDate(investigation.createdAt)}</td>
      {claimCount === null && investigation.lock ? (
        <td aria-label="Claims hidden while locked">—</td>
      ) : (
        <td aria-label={`${claimCount ?? 0} claims`}>{claimCount ?? '…'}</td>
      )}
      <td>
        <span className="row-actions">
          {action('Rename', `Rename ${name}`, () => props.onRename(investigation))}
          {open && action('Back up', `Back up ${name}`, () => props.onBackUp(investigation))}
          {!investigation.lock &&
            action('Lock…', `Lock ${name}`, () => props.onLock(investigation))}
          {investigation.lock &&
            open &&
            action('Lock now', `Lock ${name} now`, () => lockAgain(investigation.id))}
          {investigation.lock &&
            open &&
            action('Remove lock…', `Remove the lock of ${name}`, () =>
              props.onRemoveLock(investigation),
            )}
          {action('Delete', `Delete ${name}`, () => props.onDelete(investigation), 'danger')}
        </span>
      </td>
    </tr>
  );
}
