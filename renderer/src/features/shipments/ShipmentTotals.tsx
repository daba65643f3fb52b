import type { QuerySummary } from '#shared/customs/shipmentIndex';
import { formatAmount } from '../../ui/formatting';

/** Totals per currency, as one line (never added across currencies). */
export const valuesText = (values: { currency: string; total: number }[]) =>
  values
    .map((entry) => `${formatAmount(entry.total)} ${entry.currency || '(no currency)'}`)
    .join(' · ') || '—';

/**
 * The filtered rows as the claim page counts them: distinct shipments (rows that report one
 * shipment, matched, count once) from how many rows, with totals over the distinct shipments;
 * where matching merged rows, every row's totals beside them. Values per currency, never summed.
 */
export function ShipmentTotals({ summary, loaded }: { summary: QuerySummary; loaded: number }) {
  const { shipments } = summary;
  return (
    <p className="totals" role="status" aria-label="Filtered shipments">
      <strong>{shipments.count.toLocaleString()}</strong>{' '}
      {shipments.count === 1 ? 'shipment' : 'shipments'} from{' '}
      <strong>{summary.count.toLocaleString()}</strong> of {loaded.toLocaleString()} rows · value{' '}
      <strong>{valuesText(shipments.valueByCurrency)}</strong> · weight{' '}
      <strong>{formatAmount(shipments.totalWeightKg)} kg</strong>
      {shipments.count !== summary.count && (
        <span className="hint">
          {' '}
          (every row: {valuesText(summary.valueByCurrency)} · {formatAmount(summary.totalWeightKg)}{' '}
          kg)
        </span>
      )}
    </p>
  );
}
