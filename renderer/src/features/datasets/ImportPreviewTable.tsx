import { isoFromDays } from '#shared/customs/dates';
import type { RowProblem, Shipment } from '#shared/customs/shipment';
import { formatAmount } from '../../ui/formatting';

type PreviewRow = { rowNumber: number } & ({ shipment: Shipment } | { problems: RowProblem[] });

/**
 * The first rows as they will be stored: normalised, or rejected with the reason. While the date
 * order is not chosen, `datesAsWrittenFrom` names the date column, whose cells are shown as written.
 */
export function ImportPreviewTable({
  rows,
  datesAsWrittenFrom = null,
}: {
  rows: PreviewRow[];
  datesAsWrittenFrom?: number | null;
}) {
  return (
    <div className="table-scroll">
      <table className="compact">
        <caption>Preview of the first rows, normalised</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Date</th>
            <th scope="col">Shipper</th>
            <th scope="col">Consignee</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">HS</th>
            <th scope="col">Description</th>
            <th scope="col">Weight kg</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) =>
            'shipment' in row ? (
              <tr key={row.rowNumber}>
                <td>{row.rowNumber}</td>
                <td>
                  {datesAsWrittenFrom === null
                    ? isoFromDays(row.shipment.date)
                    : `${row.shipment.cells[datesAsWrittenFrom] ?? ''} (order?)`}
                </td>
                <td>{row.shipment.shipper}</td>
                <td>{row.shipment.consignee}</td>
                <td>{row.shipment.originCountry}</td>
                <td>{row.shipment.destinationCountry}</td>
                <td>{row.shipment.hsCode}</td>
                <td className="truncate">{row.shipment.description}</td>
                <td className="number">{formatAmount(row.shipment.weightKg)}</td>
                <td className="number">
                  {formatAmount(row.shipment.value)} {row.shipment.currency}
                </td>
              </tr>
            ) : (
              <tr key={row.rowNumber} className="rejected">
                <td>{row.rowNumber}</td>
                <td colSpan={9}>
                  Rejected: {row.problems.map((problem) => problem.message).join('; ')}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
