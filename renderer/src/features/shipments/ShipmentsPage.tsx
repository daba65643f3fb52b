import { useEffect, useState } from 'react';
import {
  completeFilter,
  emptyShipmentFilter,
  type ShipmentFilter,
  type ShipmentSort,
} from '#shared/customs/shipmentFilter';
import type { QuerySummary, ShipmentRow } from '#shared/customs/shipmentIndex';
import { useDatasets } from '../../case/datasets/useDatasets';
import { SavedFilters } from './SavedFilters';
import { ShipmentDetail } from './ShipmentDetail';
import { ShipmentFilters } from './ShipmentFilters';
import { ShipmentTable } from './ShipmentTable';
import { ShipmentTotals } from './ShipmentTotals';
import { defaultVisibleColumns, shipmentColumns } from './shipmentColumns';
import { EngineProgressBar } from '../../ui/EngineProgressBar';
import { shipmentEngine } from '../../case/shipments/shipmentWorkerClient';
import { useShipmentEngine } from '../../case/shipments/useShipmentEngine';

/** Filters wait for a pause in typing this long before they run. */
const TYPING_PAUSE_MS = 120;

/** The filter a link opens the page on: `shipperEntity=…&consigneeEntity=…`. */
function filterFromQuery(query: string): ShipmentFilter {
  const params = new URLSearchParams(query);
  return completeFilter({
    shipperEntity: params.get('shipperEntity') ?? '',
    consigneeEntity: params.get('consigneeEntity') ?? '',
    party: params.get('party') ?? '',
  });
}

export function ShipmentsPage({ query }: { query: string }) {
  const datasets = useDatasets();
  const { engine: loaded, progress } = useShipmentEngine();
  const [filter, setFilter] = useState(() => filterFromQuery(query));
  const [sort, setSort] = useState<ShipmentSort>({ column: 'date', direction: 'asc' });
  const [result, setResult] = useState<{ summary: QuerySummary; version: number } | null>(null);
  const [selected, setSelected] = useState<{ position: number; row: ShipmentRow } | null>(null);
  const [visible, setVisible] = useState(defaultVisibleColumns);

  useEffect(() => {
    if (!loaded) return undefined;
    let live = true;
    const timer = window.setTimeout(() => {
      void shipmentEngine()
        .query(filter, sort)
        .then((summary) => {
          if (!live) return;
          setResult((previous) => ({ summary, version: (previous?.version ?? 0) + 1 }));
          setSelected(null);
        });
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [loaded, filter, sort]);

  if (!datasets || !loaded || !result)
    return <EngineProgressBar progress={progress} label="Loading shipments…" />;
  if (datasets.length === 0)
    return <p className="hint">No shipments yet: import a customs file on the Datasets tab.</p>;

  const columns = shipmentColumns.filter((column) => visible.includes(column.id));
  return (
    <section className="shipments" aria-labelledby="shipments-title">
      <h2 id="shipments-title" className="visually-hidden">
        Shipments
      </h2>
      <ShipmentFilters filter={filter} onChange={setFilter} datasets={datasets} engine={loaded} />
      <div className="shipments-toolbar">
        <ShipmentTotals summary={result.summary} loaded={loaded.count} />
        <button type="button" onClick={() => setFilter(emptyShipmentFilter)}>
          Clear filters
        </button>
        <details className="column-chooser">
          <summary>Columns</summary>
          {shipmentColumns.map((column) => (
            <label key={column.id}>
              <input
                autoComplete="off"
                type="checkbox"
                checked={visible.includes(column.id)}
                onChange={(event) =>
                  setVisible(
                    event.target.checked
                      ? [...visible, column.id]
                      : visible.filter((id) => id !== column.id),
                  )
                }
              />
              {column.label}
            </label>
          ))}
        </details>
        <SavedFilters filter={filter} onApply={(saved) => setFilter(completeFilter(saved))} />
      </div>
      <div className={selected ? 'shipments-body with-detail' : 'shipments-body'}>
        <ShipmentTable
          count={result.summary.count}
          resultVersion={result.version}
          columns={columns}
          sort={sort}
          onSort={setSort}
          selected={selected?.position ?? null}
          onSelect={(position, row) => setSelected({ position, row })}
        />
        {selected && <ShipmentDetail row={selected.row} onClose={() => setSelected(null)} />}
      </div>
    </section>
  );
}
