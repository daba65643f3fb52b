import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ShipmentSort } from '#shared/customs/shipmentFilter';
import type { ShipmentRow } from '#shared/customs/shipmentIndex';
import type { ShipmentColumn } from './shipmentColumns';
import { scrollWindow } from './scrollWindow';
import { shipmentEngine } from '../../case/shipments/shipmentWorkerClient';

const OVERSCAN = 10;

type Props = {
  count: number;
  /** Changes whenever the engine's result changes, so cached rows are dropped. */
  resultVersion: number;
  /** The result's first rows, which came with it: the top of the table needs no request. */
  firstRows: ShipmentRow[];
  /** A newer answer is on its way: the rows shown are the last answer's. */
  busy: boolean;
  columns: ShipmentColumn[];
  sort: ShipmentSort;
  onSort: (sort: ShipmentSort) => void;
  selected: number | null;
  onSelect: (position: number, row: ShipmentRow) => void;
};

export function ShipmentTable(props: Props) {
  const { count, resultVersion, firstRows, columns, selected, onSelect } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [rows, setRows] = useState<{ version: number; start: number; rows: ShipmentRow[] }>({
    version: -1,
    start: 0,
    rows: [],
  });

  const {
    height,
    first,
    visible,
    top: windowTop,
    scrollTopFor,
  } = scrollWindow(count, scrollTop, viewport);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const start = Math.max(0, first - OVERSCAN);
  /** Whether the rows that came with the result cover the window (they cover every short result). */
  const coveredByFirst =
    start === 0 && (firstRows.length >= visible + OVERSCAN * 2 || firstRows.length >= count);

  useEffect(() => {
    if (coveredByFirst) return undefined;
    let live = true;
    void shipmentEngine()
      .rows(start, visible + OVERSCAN * 2)
      .then((page) => live && setRows({ version: resultVersion, start, rows: page }));
    return () => {
      live = false;
    };
  }, [start, visible, resultVersion, coveredByFirst]);

  /** Scrolls so that row `position` is in view. */
  const reveal = useCallback(
    (position: number) => {
      const element = scroller.current;
      if (element) element.scrollTop = scrollTopFor(position, element.scrollTop);
    },
    [scrollTopFor],
  );

  const select = (position: number) => {
    const clamped = Math.max(0, Math.min(count - 1, position));
    reveal(clamped);
    void shipmentEngine()
      .rows(clamped, 1)
      .then(([row]) => row && onSelect(clamped, row));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (count === 0) return;
    const current = selected ?? first - 1;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + visible - 1,
      PageUp: current - visible + 1,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(target);
  };

  const shown = coveredByFirst ? { version: resultVersion, start: 0, rows: firstRows } : rows;
  const fresh = shown.version === resultVersion;
  const template = columns.map((column) => `${column.width}px`).join(' ');
  return (
    <div
      className="shipment-table"
      role="table"
      aria-label="Shipments"
      aria-rowcount={count + 1}
      aria-busy={props.busy}
    >
      <div role="rowgroup" className="shipment-head">
        <div
          role="row"
          aria-rowindex={1}
          className="shipment-row"
          style={{ gridTemplateColumns: template }}
        >
          {columns.map((column) => (
            <div
              role="columnheader"
              key={column.id}
              className={column.numeric ? 'number' : undefined}
              aria-sort={
                column.sort && props.sort.column === column.sort
                  ? props.sort.direction === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : undefined
              }
            >
              {column.sort ? (
                <button
                  type="button"
                  className="sort"
                  onClick={() =>
                    props.onSort({
                      column: column.sort!,
                      direction:
                        props.sort.column === column.sort && props.sort.direction === 'asc'
                          ? 'desc'
                          : 'asc',
                    })
                  }
                >
                  {column.label}
                  {props.sort.column === column.sort
                    ? props.sort.direction === 'asc'
                      ? ' ▲'
                      : ' ▼'
                    : ''}
                </button>
              ) : (
                column.label
              )}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scroller}
        className="shipment-scroller"
        role="rowgroup"
        tabIndex={0}
        aria-label="Shipment rows: arrow keys, Page Up/Down, Home and End move; the detail shows the selected row"
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
      >
        <div style={{ height }} />
        <div role="none" className="shipment-window" style={{ top: windowTop }}>
          {fresh &&
            shown.rows
              .slice(Math.max(0, first - shown.start), Math.max(0, first - shown.start) + visible)
              .map((row, offset) => {
                const position = first + offset;
                return (
                  <div
                    role="row"
                    key={position}
                    aria-rowindex={position + 2}
                    aria-selected={position === selected}
                    className={position === selected ? 'shipment-row selected' : 'shipment-row'}
                    style={{ gridTemplateColumns: template }}
                    onClick={() => select(position)}
                  >
                    {columns.map((column) => (
                      <div
                        role="cell"
                        key={column.id}
                        className={column.numeric ? 'number' : undefined}
                      >
                        {column.text(row)}
                      </div>
                    ))}
                  </div>
                );
              })}
        </div>
      </div>
    </div>
  );
}
