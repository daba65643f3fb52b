import { useState } from 'react';
import type { InvestigationDb } from '../../db/schema';
import { EngineProgressBar } from '../shipments/EngineProgressBar';
import { useShipmentEngine } from '../shipments/useShipmentEngine';
import { EntityDirectory } from './EntityDirectory';
import { EntityProfileView } from './EntityProfileView';
import { SuggestionList } from './SuggestionList';

/**
 * Companies and people as the shipments name them: suggestions to group look-alike spellings, the
 * directory (search, merge by hand), and one entity's profile.
 */
export function EntitiesPage({ db, query }: { db: InvestigationDb; query: string }) {
  const { engine, progress } = useShipmentEngine(db);
  const [open, setOpen] = useState(() => new URLSearchParams(query).get('entity') ?? '');
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
        <SuggestionList db={db} engine={engine} />
        <EntityDirectory db={db} engine={engine} open={open} onOpen={setOpen} />
      </div>
      {open && (
        <EntityProfileView
          key={open}
          db={db}
          engine={engine}
          entityId={open}
          onOpen={setOpen}
          onClose={() => setOpen('')}
        />
      )}
    </section>
  );
}
