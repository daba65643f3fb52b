import { useEffect, useMemo, useRef, useState } from 'react';
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
import { askShipmentDetail } from './shipmentDetails';
import { ShipmentFilters } from './ShipmentFilters';
import { ShipmentTable } from './ShipmentTable';
import { ShipmentTotals } from './ShipmentTotals';
import { defaultVisibleColumns, shipmentColumns } from './shipmentColumns';
import { EngineProgressBar } from '../../ui/EngineProgressBar';
import { shipmentEngine } from '../../case/shipments/shipmentWorkerClient';
import { useShipmentEngine } from '../../case/shipments/useShipmentEngine';
import { useTabView } from '../../case/views/useTabView';
import { shipmentDisplays, type ShipmentDisplay, type ShipmentsView } from '#shared/tabViews';
import { ShipmentNetwork } from './ShipmentNetwork';
import { ShipmentPivot } from './ShipmentPivot';

const displayNames: Record<ShipmentDisplay, string> = {
  rows: 'Rows',
  shipments: 'Distinct shipments',
  pivot: 'Pivot',
  network: 'Network',
};

/**
 * What a link opens the page on (`shipperEntity=…&consigneeEntity=…`, and `display=network`), if
 * it names a filter.
 */
function viewFromQuery(query: string): Partial<ShipmentsView> | null {
  const params = new URLSearchParams(query);
  const named = ['shipperEntity', 'consigneeEntity', 'party'].some((field) => params.get(field));
  if (!named) return null;
  const display = shipmentDisplays.find((name) => name === params.get('display')) ?? 'rows';
  return {
    filter: completeFilter({
      shipperEntity: params.get('shipperEntity') ?? '',
      consigneeEntity: params.get('consigneeEntity') ?? '',
      party: params.get('party') ?? '',
    }),
    openRow: null,
    display,
  };
}

const freshView: ShipmentsView = {
  id: 'shipments',
  filter: emptyShipmentFilter,
  sort: { column: 'date', direction: 'asc' },
  columns: defaultVisibleColumns,
  openRow: null,
};

/**
 * The Shipments tab, as it was left (its filter, sort, columns and open row kept in the case:
 * case/views/useTabView.ts), or on the filter a link opened it with.
 */
export function ShipmentsPage({ query }: { query: string }) {
  const [view, setView] = useTabView(freshView, viewFromQuery(query));
  return view ? (
    <ShipmentsTab view={view} onChange={setView} />
  ) : (
    <EngineProgressBar progress={null} label="Loading shipments…" />
  );
}

function ShipmentsTab(props: { view: ShipmentsView; onChange: (next: ShipmentsView) => void }) {
  const { view, onChange } = props;
  const datasets = useDatasets();
  const { engine: loaded, progress } = useShipmentEngine();
  // Filters saved by an earlier version gain the fields added since.
  const filter = useMemo(() => completeFilter(view.filter), [view.filter]);
  const { sort, columns: visible } = view;
  const setFilter = (next: ShipmentFilter) => onChange({ ...view, filter: next, openRow: null });
  const setSort = (next: ShipmentSort) => onChange({ ...view, sort: next, openRow: null });
  const setVisible = (next: string[]) => onChange({ ...view, columns: next });
  const display = view.display ?? 'rows';
  /** The table shows rows: all of them, or one a distinct shipment. */
  const tabular = display === 'rows' || display === 'shipments';
  const distinct = display === 'shipments';
  /** Another display: the open row was a place in the old one's rows, so it closes. */
  const setDisplay = (next: ShipmentDisplay) => {
    setSelectedRow(null);
    onChange({ ...view, display: next, openRow: null });
  };
  /** Opens the rows of one group or edge of the pivot or network. */
  const openRows = (next: ShipmentFilter) =>
    onChange({ ...view, filter: next, openRow: null, display: 'rows' });
  const [result, setResult] = useState<{
    summary: QuerySummary & { shown: number; firstRows: ShipmentRow[] };
    version: number;
    /** What it answers. */
    asked: { filter: ShipmentFilter; sort: ShipmentSort; distinct: boolean };
  } | null>(null);
  /** A query asked for and not yet answered: the table says it is busy (to a screen reader too). */
  const pending =
    result !== null &&
    (result.asked.filter !== filter ||
      result.asked.sort !== sort ||
      result.asked.distinct !== distinct);
  const [selected, setSelectedRow] = useState<{ position: number; row: ShipmentRow } | null>(null);
  const setSelected = (next: { position: number; row: ShipmentRow } | null) => {
    // Its details are asked for now, not once the frame that opens them has rendered.
    if (next) askShipmentDetail(next.row);
    setSelectedRow(next);
    onChange({ ...view, openRow: next?.position ?? null });
  };

  /** The row open when the view was left, reopened once the first answer is in. */
  const reopen = useRef(view.openRow);

  // Every change asks at once, a keystroke too: the worker answers only the newest of the queries
  // waiting for it (latestOnly), so typing faster than it answers costs nothing, and no pause
  // stands between the last key and its rows.
  useEffect(() => {
    if (!loaded) return undefined;
    let live = true;
    void shipmentEngine()
      .query(filter, sort, distinct)
      .then((summary) => {
        // Null: a newer request superseded it in the worker.
        if (!live || !summary) return;
        setResult((previous) => ({
          summary,
          version: (previous?.version ?? 0) + 1,
          asked: { filter, sort, distinct },
        }));
        const open = reopen.current;
        reopen.current = null;
        if (open === null || open >= summary.shown) setSelectedRow(null);
        else
          void shipmentEngine()
            .rows(open, 1)
            .then(([row]) => live && row && setSelectedRow({ position: open, row }));
      });
    return () => {
      live = false;
    };
  }, [loaded, filter, sort, distinct]);

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
        <fieldset className="segmented">
          <legend className="visually-hidden">Show</legend>
          {shipmentDisplays.map((name) => (
            <label key={name}>
              <input
                autoComplete="off"
                type="radio"
                name="shipments-display"
                value={name}
                checked={display === name}
                onChange={() => setDisplay(name)}
              />
              {displayNames[name]}
            </label>
          ))}
        </fieldset>
        <details className="column-chooser" hidden={!tabular}>
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
      {display === 'pivot' && (
        <ShipmentPivot
          filter={filter}
          by={view.pivotBy ?? 'shipper'}
          onBy={(by) => onChange({ ...view, pivotBy: by })}
          onOpen={openRows}
        />
      )}
      {display === 'network' && <ShipmentNetwork filter={filter} onOpen={openRows} />}
      {tabular && (
        <div className={selected ? 'shipments-body with-detail' : 'shipments-body'}>
          <ShipmentTable
            count={result.summary.shown}
            resultVersion={result.version}
            firstRows={result.summary.firstRows}
            busy={pending}
            columns={columns}
            sort={sort}
            onSort={setSort}
            selected={selected?.position ?? null}
            onSelect={(position, row) => setSelected({ position, row })}
          />
          {selected && <ShipmentDetail row={selected.row} onClose={() => setSelected(null)} />}
        </div>
      )}
    </section>
  );
}
