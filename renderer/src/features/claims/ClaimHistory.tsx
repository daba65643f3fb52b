import { formatDateTime } from '../../ui/formatting';
import { describeClaimChange } from '#shared/audit/claimChange';
import { useClaimHistory } from '../../case/claims/useClaims';

export function ClaimHistory(props: { claimId: string }) {
  const history = useClaimHistory(props.claimId);
  return (
    <section aria-labelledby="claim-history-title" className="history">
      <h3 id="claim-history-title">History</h3>
      {history === undefined ? (
        <p aria-busy="true">Loading history…</p>
      ) : (
        <ol aria-label="Claim history">
          {history.map((entry) => (
            <li key={entry.id}>
              <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time>
              {describeClaimChange(entry).map((line) => (
                <span key={line} className="history-line">
                  {line}
                </span>
              ))}
              {entry.reason && (
                <span className="history-reason">
                  Reason: <bdi>{entry.reason}</bdi>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
