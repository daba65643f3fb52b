import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef, useState } from 'react';
import {
  pivotDimensionNames,
  pivotDimensions,
  type PivotDimension,
  type PivotGroup,
  type ShipmentPivot as Pivot,
} from '#shared/customs/shipmentGroups';
import { pivotCsv } from '#shared/customs/pivotCsv';
import type { ShipmentFilter } from '#shared/customs/shipmentFilter';
import { shipmentEngine } from '../../case/shipments/shipmentWorkerClient';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { plural } from '../../ui/formatting';
import { useAction } from '../../ui/useAction';
import { useCheckedCsvExport } from '../dossier';
import { GroupFigureCells, GroupFigureHeads } from './GroupFigures';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Groups shown on screen; the CSV has them all. */
const SHOWN = 200;
/** Groups drawn in the chart, largest first; months are all drawn, in calendar order. */
const CHARTED = 15;

/** A dimension's name inside a sentence: "Counterparty" → "counterparty", "HS code" kept. */
const inSentence = (name: string) =>
  name.replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase());

/** The filter that narrows `filter` to one group's shipments; null where no filter field can. */
function groupFilter(
  filter: ShipmentFilter,
  by: PivotDimension,
  group: PivotGroup,
): ShipmentFilter | null {
  switch (by) {
    case 'shipper':
      return group.entityId ? { ...filter, shipperEntity: group.entityId } : null;
    case 'consignee':
      return group.entityId ? { ...filter, consigneeEntity: group.entityId } : null;
    case 'counterparty':
      // The other side of the filter's entity; party words leave the side open.
      if (!group.entityId) return null;
      if (filter.shipperEntity && !filter.consigneeEntity)
        return { ...filter, consigneeEntity: group.entityId };
      if (filter.consigneeEntity && !filter.shipperEntity)
        return { ...filter, shipperEntity: group.entityId };
      return null;
    case 'hsChapter':
    case 'hsHeading':
    case 'hsCode':
      return { ...filter, hsPrefix: group.label };
    case 'originCountry':
    case 'destinationCountry':
      return { ...filter, [by]: group.label };
    case 'month': {
      const [year, month] = group.label.split('-').map(Number);
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return { ...filter, dateFrom: `${group.label}-01`, dateTo: `${group.label}-${last}` };
    }
  }
}

function PivotChart({ pivot }: { pivot: Pivot }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const byMonth = pivot.by === 'month';
  const charted = byMonth ? pivot.groups : pivot.groups.slice(0, CHARTED);
  const key = JSON.stringify(charted.map((group) => [group.label, group.shipments]));
  useEffect(() => {
    if (!canvas.current) return undefined;
    const bars = JSON.parse(key) as [string, number][];
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: bars.map(([label]) => (label.length > 40 ? `${label.slice(0, 39)}…` : label)),
        datasets: [
          {
            label: 'Distinct shipments',
            data: bars.map(([, shipments]) => shipments),
            backgroundColor: '#2f6fb5',
            maxBarThickness: 36,
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: byMonth ? 'x' : 'y',
        scales: { x: { beginAtZero: true }, y: { beginAtZero: true } },
        plugins: { legend: { display: false } },
      },
    });
    return () => chart.destroy();
  }, [key, byMonth]);
  // A bar a group: a few groups get a short chart rather than a few fat bars.
  const height = byMonth ? 300 : Math.min(300, 48 + 28 * charted.length);
  return (
    <div className="chart-box pivot-chart" style={{ height }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={`Chart of distinct shipments by ${inSentence(pivotDimensionNames[pivot.by])}, ${byMonth ? 'in calendar order' : 'largest groups first'} (the table below gives the figures)`}
      />
    </div>
  );
}

/**
 * The filter's shipments grouped by a party, the counterparty, an HS code, a country or the month:
 * distinct shipments, rows, value per currency and weight per group, a chart of the largest, and
 * the whole table as CSV. Each group opens its shipments where a filter field can name it.
 */
export function ShipmentPivot(props: {
  filter: ShipmentFilter;
  by: PivotDimension;
  onBy: (by: PivotDimension) => void;
  onOpen: (filter: ShipmentFilter) => void;
}) {
  const { filter, by } = props;
  const [pivot, setPivot] = useState<Pivot | null>(null);
  const { error, run } = useAction();
  const { exportCsv, dialog } = useCheckedCsvExport(run);
  useEffect(() => {
    let live = true;
    void shipmentEngine()
      .pivot(filter, by, SHOWN)
      .then((answer) => live && answer && setPivot(answer));
    return () => {
      live = false;
    };
  }, [filter, by]);

  /** The whole table as CSV, checked for confidential names like any export. */
  const prepare = async () => {
    const whole = await shipmentEngine().pivot(filter, by, Number.MAX_SAFE_INTEGER);
    if (!whole) return null;
    const file = {
      name: `shipments-by-${by}.csv`,
      bytes: new TextEncoder().encode(pivotCsv(whole)),
    };
    const located = whole.groups.map((group) => ({
      where: `${pivotDimensionNames[by]} “${group.label}”`,
      text: group.label,
    }));
    return { file, located };
  };

  const name = pivotDimensionNames[by];
  return (
    <section className="shipment-pivot" aria-label="Pivot">
      <div className="pivot-toolbar">
        <label>
          Group by{' '}
          <select
            autoComplete="off"
            value={by}
            onChange={(event) => props.onBy(event.target.value as PivotDimension)}
          >
            {pivotDimensions.map((dimension) => (
              <option key={dimension} value={dimension}>
                {pivotDimensionNames[dimension]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => exportCsv(prepare)}
          disabled={!pivot || pivot.groupCount === 0}
        >
          Export table as CSV
        </button>
      </div>
      <ErrorMessage error={error} />
      {dialog}
      {!pivot || pivot.by !== by ? (
        <p aria-busy="true">Grouping shipments…</p>
      ) : pivot.needsParty ? (
        <p className="hint">
          Grouping by counterparty needs a party to be the other side of: choose a shipper or
          consignee entity, or type a party name, in the filter.
        </p>
      ) : pivot.groupCount === 0 ? (
        <p className="hint">No shipments have a {inSentence(name)} under this filter.</p>
      ) : (
        <>
          <PivotChart pivot={pivot} />
          <table className="data-table" aria-label={`Shipments by ${inSentence(name)}`}>
            <thead>
              <tr>
                <th scope="col">{name}</th>
                <GroupFigureHeads />
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pivot.groups.map((group) => {
                const narrowed = groupFilter(filter, by, group);
                return (
                  <tr key={`${group.entityId ?? ''}\n${group.label}`}>
                    <th scope="row">{group.label}</th>
                    <GroupFigureCells figures={group} />
                    <td>
                      {narrowed && (
                        <button
                          type="button"
                          className="link"
                          aria-label={`Show the shipments of ${group.label}`}
                          onClick={() => props.onOpen(narrowed)}
                        >
                          Show shipments
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="hint small">
            Each shipment counts once, in the group of the first row reporting it; values are over
            distinct shipments and never added across currencies.
            {pivot.groupCount > pivot.groups.length &&
              ` Showing the ${pivot.groups.length} largest of ${plural(pivot.groupCount, 'group', 'groups')}: the CSV has them all.`}
            {pivot.ungroupedRows > 0 &&
              ` ${plural(pivot.ungroupedRows, 'row has', 'rows have')} no ${inSentence(name)} and ${pivot.ungroupedRows === 1 ? 'is' : 'are'} left out.`}
          </p>
        </>
      )}
    </section>
  );
}
