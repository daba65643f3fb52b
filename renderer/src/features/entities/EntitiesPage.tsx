import { useState } from 'react';
import { EngineProgressBar } from '../../ui/EngineProgressBar';
import { useShipmentEngine } from '../../case/shipments/useShipmentEngine';
import { EntityDirectory } from './EntityDirectory';
import { EntityProfileView } from './EntityProfileView';
import { SuggestionList } from './SuggestionList';
import { CaseScreening } from '../sanctions';

/**
 * Companies and people as the shipments name them: suggestions to group look-alike spellings, the
 * directory (search, merge by hand), and one entity's profile.
 */
export function EntitiesPage({ query }: { query: string }) {
  const { engine, progress } = useShipmentEngine();
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
        <CaseScreening onOpen={setOpen} />
        <SuggestionList engine={engine} />
        <EntityDirectory engine={engine} open={open} onOpen={setOpen} />
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
