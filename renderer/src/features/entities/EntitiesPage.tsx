import { useCallback } from 'react';
import type { EntitiesView } from '#shared/tabViews';
import { EngineProgressBar } from '../../ui/EngineProgressBar';
import { useShipmentEngine } from '../../case/shipments/useShipmentEngine';
import { EntityDirectory } from './EntityDirectory';
import { EntityProfileView } from './EntityProfileView';
import { SuggestionList } from './SuggestionList';
import { CaseScreening } from '../sanctions';
import { useTabView } from '../../case/views/useTabView';
import { askEntityPage } from './entityPages';

const freshView: EntitiesView = { id: 'entities', search: '', openEntity: '' };

/** The entity a link opened the tab on (`?entity=<id>`), over the view the tab was left in. */
function entityFromQuery(query: string): Partial<EntitiesView> | null {
  const entity = new URLSearchParams(query).get('entity');
  return entity ? { openEntity: entity } : null;
}

/**
 * Companies and people as the shipments name them: suggestions to group look-alike spellings, the
 * directory (search, merge by hand), and one entity's profile.
 */
export function EntitiesPage({ query }: { query: string }) {
  const { engine, progress } = useShipmentEngine();
  const [view, setView] = useTabView<EntitiesView>(freshView, entityFromQuery(query));
  // The page is asked for as it is opened, not once the frame that opens it has rendered.
  const engineKey = engine?.key;
  const setOpen = useCallback(
    (entityId: string) => {
      if (engineKey && entityId) askEntityPage(engineKey, entityId);
      setView((current) => ({ ...current, openEntity: entityId }));
    },
    [setView, engineKey],
  );
  const setSearch = useCallback(
    (search: string) => setView((current) => ({ ...current, search })),
    [setView],
  );
  if (!view) return <p aria-busy="true">Loading entities…</p>;
  const open = view.openEntity;
  if (!engine) return <EngineProgressBar progress={progress} label="Resolving entities…" />;
  if (engine.count === 0)
    return (
      <p className="hint">No entities yet: they come from the parties of imported shipments.</p>
    );
  return (
    <section className="entities" aria-labelledby="entities-title">
      <h2 id="entities-title" className="visually-hidden">
        Entities
      </h2>
      <div className="entities-side">
        <CaseScreening onOpen={setOpen} />
        <SuggestionList engine={engine} />
        <EntityDirectory
          engine={engine}
          open={open}
          onOpen={setOpen}
          search={view.search}
          onSearch={setSearch}
        />
      </div>
      {open && (
        <EntityProfileView
          key={open}
          engine={engine}
          entityId={open}
          onOpen={setOpen}
          onClose={() => setOpen('')}
        />
      )}
    </section>
  );
}
