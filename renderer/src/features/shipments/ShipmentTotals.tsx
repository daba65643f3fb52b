import type { QuerySummary } from '#shared/customs/shipmentIndex';
import { formatAmount } from '../../ui/formatting';

/** Count and totals of the filtered shipments; values per currency, never summed across them. */
export function ShipmentTotals({ summary, loaded }: { summary: QuerySummary; loaded: number }) {
  const values = summary.valueByCurrency
    .map((entry) => `${formatAmount(entry.total)} ${entry.currency || '(no currency)'}`)
    .join(' · ');
  return (
    <p className="totals" role="status" aria-label="Filtered shipments">
      <strong>{summary.count.toLocaleString()}</strong> of {loaded.toLocaleString()} shipments ·
      value <strong>{values || '—'}</strong> · weight{' '}
      <strong>{formatAmount(summary.totalWeightKg)} kg</strong>
    </p>
  );
}
