import { useEffect, useState } from 'react';
import type { Suggestion } from '#shared/entities/suggestions';
import { useWithCase } from '../../case/useCase';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { NameDialog } from '../../ui/NameDialog';
import { useAction } from '../../ui/useAction';
import { shipmentEngine } from '../../case/shipments/shipmentWorkerClient';
import type { EngineState } from '../../case/shipments/useShipmentEngine';
import { acceptSuggestion, dismissSuggestion } from '../../case/entities/entityMutations';

/** Spellings that look like one company: the user groups them, or says they are not the same. */
export function SuggestionList(props: { engine: EngineState }) {
  const withCase = useWithCase();
  const { engine } = props;
  const [answer, setAnswer] = useState<{ key: string; suggestions: Suggestion[] } | null>(null);
  const [dismissals, setDismissals] = useState(0);
  const [naming, setNaming] = useState<Suggestion | null>(null);
  const { error, run } = useAction();

  useEffect(() => {
    let live = true;
    const key = `${engine.key}#${dismissals}`;
    void shipmentEngine()
      .suggestions()
      .then((suggestions) => live && setAnswer({ key, suggestions }));
    return () => {
      live = false;
    };
  }, [engine.key, dismissals]);

  const suggestions = answer?.suggestions ?? [];
  return (
    <section aria-labelledby="suggestions-title" className="suggestions">
      <h3 id="suggestions-title">Suggested groupings ({suggestions.length})</h3>
      {answer && suggestions.length === 0 && (
        <p className="hint small">No look-alike spellings left to review.</p>
      )}
      <ErrorMessage error={error} />
      <ul aria-label="Suggested groupings" className="suggestion-list">
        {suggestions.slice(0, 50).map((suggestion) => {
          const label = suggestion.keys.join(' + ');
          return (
            <li key={suggestion.id}>
              <span>{label}</span>
              <span className="actions">
                <button
                  type="button"
                  aria-label={`Group ${label}`}
                  onClick={() => setNaming(suggestion)}
                >
                  Group
                </button>
                <button
                  type="button"
                  aria-label={`Not the same: ${label}`}
                  onClick={() =>
                    void run(async () => {
                      await withCase(dismissSuggestion, suggestion);
                      setDismissals((count) => count + 1);
                    })
                  }
                >
                  Not the same
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {suggestions.length > 50 && (
        <p className="hint small">and {suggestions.length - 50} more once these are decided</p>
      )}
      {naming && (
        <NameDialog
          title="Group as one entity"
          label="Entity name"
          initialName={naming.keys[0] ?? ''}
          submitLabel="Group"
          onSubmit={(name) => withCase(acceptSuggestion, naming, name)}
          onClose={() => setNaming(null)}
        />
      )}
    </section>
  );
}
