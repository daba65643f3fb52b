/**
 * The pivot as CSV, for a spreadsheet: one line a group, a value column per currency. Every cell
 * goes through the formula neutralising of every CSV export (a party named `=HYPERLINK(…)` stays
 * text).
 */
import { toCsv } from '../csvSafety';
import { pivotDimensionNames, type ShipmentPivot } from './shipmentGroups';

export function pivotCsv(pivot: ShipmentPivot): string {
  const currencies = [
    ...new Set(
      pivot.groups.flatMap((group) => group.valueByCurrency.map((entry) => entry.currency)),
    ),
  ].sort();
  return toCsv([
    [
      pivotDimensionNames[pivot.by],
      'Distinct shipments',
      'Rows',
      ...currencies.map((currency) => `Value ${currency || '(no currency)'}`),
      'Weight (kg)',
    ],
    ...pivot.groups.map((group) => [
      group.label,
      String(group.shipments),
      String(group.rows),
      ...currencies.map((currency) =>
        String(group.valueByCurrency.find((entry) => entry.currency === currency)?.total ?? ''),
      ),
      String(group.weightKg),
    ]),
  ]);
}
