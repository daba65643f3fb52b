import type { GroupFigures } from '#shared/customs/shipmentGroups';
import { formatAmount } from '../../ui/formatting';
import { valuesText } from './ShipmentTotals';

/** The column heads of a group's figures, as the pivot's and the network's tables give them. */
export function GroupFigureHeads() {
  return (
    <>
      <th scope="col" className="numeric">
        Distinct shipments
      </th>
      <th scope="col" className="numeric">
        Rows
      </th>
      <th scope="col">Value</th>
      <th scope="col" className="numeric">
        Weight (kg)
      </th>
    </>
  );
}

/** A group's figures: its distinct shipments, the rows reporting them, value per currency, weight. */
export function GroupFigureCells({ figures }: { figures: GroupFigures }) {
  return (
    <>
      <td className="numeric">{figures.shipments.toLocaleString()}</td>
      <td className="numeric">{figures.rows.toLocaleString()}</td>
      <td className="nowrap">{valuesText(figures.valueByCurrency)}</td>
      <td className="numeric">{formatAmount(figures.weightKg)}</td>
    </>
  );
}
