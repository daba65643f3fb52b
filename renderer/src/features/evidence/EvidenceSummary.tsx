import type { ShipmentEvidenceSummary } from '#shared/customs/corroboration';
import { originsLine } from '#shared/dossier/format';
import type { EvidenceLink } from '#shared/evidence/link';
import { outcomeLabels, type SourceNote } from '#shared/notes/sourceNote';
import { formatAmount } from '../../ui/formatting';

/**
 * What a claim's evidence adds up to: distinct shipments after matching, their dates and totals,
 * the datasets and independent origins behind them, what contradicts the claim, and the requests
 * for comment with their outcomes.
 */
export function EvidenceSummary(props: {
  links: EvidenceLink[];
  notes: SourceNote[];
  shipments: ShipmentEvidenceSummary | null;
  /** Each cited designation, with its figure over the claim's distinct shipments. */
  designations: { label: string; figure: string }[];
  describe: (link: EvidenceLink) => string;
}) {
  const { shipments } = props;
  const contradicting = props.links.filter((link) => link.relation === 'contradicts');
  const cited = new Set(
    props.links.filter((link) => link.targetType === 'note').map((link) => link.targetId),
  );
  const requests = props.notes.filter((note) => cited.has(note.id) && note.request);
  const hasShipments = shipments !== null && shipments.sourceRows > 0;
  const { designations } = props;
  if (
    !hasShipments &&
    contradicting.length === 0 &&
    requests.length === 0 &&
    designations.length === 0
  )
    return null;
  return (
    <dl className="facts evidence-summary" aria-label="Evidence summary">
      {hasShipments && (
        <>
          <dt>Distinct shipments</dt>
          <dd>
            {shipments.distinctShipments.toLocaleString()} (from{' '}
            {shipments.sourceRows.toLocaleString()} source rows)
          </dd>
          <dt>Reported by</dt>
          <dd>
            {shipments.reportedBy
              .map(
                (entry) =>
                  `${entry.shipments.toLocaleString()} ${entry.shipments === 1 ? 'shipment' : 'shipments'} by ${entry.datasets} ${entry.datasets === 1 ? 'dataset' : 'datasets'}`,
              )
              .join(' · ')}
          </dd>
          <dt>Dates</dt>
          <dd>
            {shipments.dateFrom} to {shipments.dateTo}
          </dd>
          <dt>Total value</dt>
          <dd>
            {shipments.valueByCurrency
              .map((entry) => `${formatAmount(entry.total)} ${entry.currency || '(no currency)'}`)
              .join(' · ') || '—'}
          </dd>
          <dt>Total weight</dt>
          <dd>{formatAmount(shipments.totalWeightKg)} kg</dd>
          <dt>Datasets</dt>
          <dd>
            {shipments.datasets
              .map(
                (dataset) => `${dataset.fileName}${dataset.vendor ? ` (${dataset.vendor})` : ''}`,
              )
              .join(' · ')}
          </dd>
          <dt>Independent origins</dt>
          <dd>{originsLine(shipments.origins, shipments.unknownOriginRows, ' · ')}</dd>
        </>
      )}
      {designations.length > 0 && (
        <>
          <dt>Designation periods</dt>
          <dd>
            <ul aria-label="Designation periods">
              {designations.map((entry) => (
                <li key={entry.label}>
                  {entry.label}: <strong>{entry.figure}</strong>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      <dt>Contradicting</dt>
      <dd>
        {contradicting.length === 0
          ? 'none'
          : contradicting.map((link) => props.describe(link)).join(' · ')}
      </dd>
      {requests.length > 0 && (
        <>
          <dt>Requests for comment</dt>
          <dd>
            <ul aria-label="Requests for comment">
              {requests.map((note) => (
                <li key={note.id}>
                  {note.title}
                  {note.request?.to && ` (to ${note.request.to})`}:{' '}
                  <strong>{outcomeLabels[note.request?.outcome ?? 'pending']}</strong>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}
