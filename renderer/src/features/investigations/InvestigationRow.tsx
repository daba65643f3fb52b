import type { Investigation } from '../../../../shared/investigation';
import { routeHref } from '../../app/useHashRoute';
import { formatDate } from '../../ui/formatting';
import { useClaimCount } from './useInvestigations';

export function InvestigationRow(props: {
  investigation: Investigation;
  onRename: (investigation: Investigation) => void;
  onDelete: (investigation: Investigation) => void;
  onBackUp: (investigation: Investigation) => void;
}) {
  const { investigation } = props;
  const claimCount = useClaimCount(investigation.id);
  return (
    <tr>
      <th scope="row">
        <a href={routeHref({ page: 'claims', investigationId: investigation.id })}>
          {investigation.name}
        </a>
        {investigation.synthetic && <span className="tag synthetic">Synthetic sample</span>}
      </th>
      <td>{formatDate(investigation.createdAt)}</td>
      <td aria-label={`${claimCount ?? 0} claims`}>{claimCount ?? '…'}</td>
      <td>
        <span className="row-actions">
          <button
            type="button"
            onClick={() => props.onRename(investigation)}
            aria-label={`Rename ${investigation.name}`}
          >
            Rename
          </button>
          <button
            type="button"
            onClick={() => props.onBackUp(investigation)}
            aria-label={`Back up ${investigation.name}`}
          >
            Back up
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => props.onDelete(investigation)}
            aria-label={`Delete ${investigation.name}`}
          >
            Delete
          </button>
        </span>
      </td>
    </tr>
  );
}
