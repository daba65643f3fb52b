import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { EntityListing } from '#shared/customs/entityProfile';
import { useWithCase } from '../../case/useCase';
import { NameDialog } from '../../ui/NameDialog';
import { shipmentEngine } from '../../case/shipments/shipmentWorkerClient';
import type { EngineState } from '../../case/shipments/useShipmentEngine';
import { mergeEntities } from '../../case/entities/entityMutations';
import { TYPING_PAUSE_MS } from '../../ui/typingPause';

const SHOWN = 200;

/**
 * One entity of the directory: rendered again only when it changes, not on each entity opened (200
 * rows took 5-7 ms of the frame that opens one).
 */
const DirectoryRow = memo(function DirectoryRow(props: {
  listing: EntityListing;
  current: boolean;
  checked: boolean;
  onOpen: (entityId: string) => void;
  onToggle: (listing: EntityListing, on: boolean) => void;
}) {
  const { listing } = props;
  return (
    <tr aria-current={props.current ? 'true' : undefined}>
      <td>
        <input
          autoComplete="off"
          type="checkbox"
          aria-label={`Select ${listing.name}`}
          checked={props.checked}
          onChange={(event) => props.onToggle(listing, event.target.checked)}
        />
      </td>
      <td>
        <button type="button" className="link" onClick={() => props.onOpen(listing.id)}>
          {listing.name}
        </button>
        {listing.stored && <span className="hint small"> · grouped</span>}
      </td>
      <td className="numeric">{listing.spellings}</td>
      <td className="numeric">{listing.shipments.toLocaleString()}</td>
    </tr>
  );
});

/** Every entity, most shipments first, searchable; tick two or more to merge them by hand. */
export function EntityDirectory(props: {
  engine: EngineState;
  open: string;
  onOpen: (entityId: string) => void;
  search: string;
  onSearch: (search: string) => void;
}) {
  const withCase = useWithCase();
  const { engine, search } = props;
  // The answer names the search it answers: until the current one's comes, the table is busy.
  const [answer, setAnswer] = useState<{
    search: string;
    total: number;
    listings: EntityListing[];
  } | null>(null);
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const [merging, setMerging] = useState(false);

  const asked = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    const run = () =>
      void shipmentEngine()
        .entities(search, SHOWN)
        .then((found) => live && setAnswer({ search, ...found }));
    // Typing waits for a pause; opening the tab or a change of the entities runs at once.
    const wait = asked.current !== null && asked.current !== search;
    asked.current = search;
    const timer = wait ? window.setTimeout(run, TYPING_PAUSE_MS) : undefined;
    if (!wait) run();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [search, engine.key]);

  const toggle = useCallback(
    (listing: EntityListing, on: boolean) =>
      setSelected((current) => {
        const next = new Map(current);
        if (on) next.set(listing.id, listing.name);
        else next.delete(listing.id);
        return next;
      }),
    [],
  );

  return (
    <section aria-labelledby="directory-title" className="entity-directory">
      <h3 id="directory-title">All entities</h3>
      <div className="inline-form">
        <label htmlFor="entity-search">Find entity</label>
        <input
          autoComplete="off"
          id="entity-search"
          type="search"
          value={search}
          placeholder="name or spelling"
          onChange={(event) => props.onSearch(event.target.value)}
        />
        <button type="button" disabled={selected.size < 2} onClick={() => setMerging(true)}>
          Merge selected ({selected.size})
        </button>
      </div>
      {answer && (
        <p className="hint small" role="status">
          {answer.total.toLocaleString()} {answer.total === 1 ? 'entity' : 'entities'}
          {answer.total > SHOWN ? `, the first ${SHOWN} shown` : ''}
        </p>
      )}
      <table className="data-table" aria-label="Entities" aria-busy={answer?.search !== search}>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Select</span>
            </th>
            <th scope="col">Name</th>
            <th scope="col" className="numeric">
              Spellings
            </th>
            <th scope="col" className="numeric">
              Shipments
            </th>
          </tr>
        </thead>
        <tbody>
          {answer?.listings.map((listing) => (
            <DirectoryRow
              key={listing.id}
              listing={listing}
              current={props.open === listing.id}
              checked={selected.has(listing.id)}
              onOpen={props.onOpen}
              onToggle={toggle}
            />
          ))}
        </tbody>
      </table>
      {merging && (
        <NameDialog
          title={`Merge ${selected.size} entities`}
          label="Name of the merged entity"
          initialName={[...selected.values()][0] ?? ''}
          submitLabel="Merge"
          onSubmit={async (name) => {
            const id = await withCase(mergeEntities, [...selected.keys()], name);
            setSelected(new Map());
            props.onOpen(id);
          }}
          onClose={() => setMerging(false)}
        />
      )}
    </section>
  );
}
