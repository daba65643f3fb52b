import { useState } from 'react';
import type { NameHit } from '#shared/redaction/nameCheck';
import { showInvisibles } from '#shared/text/bidi';
import { routeHref } from '../../app/useHashRoute';
import { clearNameHits } from '../../case/exports/nameClearances';
import { useInvestigationId, useWithCase } from '../../case/useCase';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';

const SHOWN = 30;

/** Hits of one form of one source, as the dialog groups them. */
type Group = { key: string; hits: NameHit[] };

function groups(hits: readonly NameHit[]): Group[] {
  const byForm = new Map<string, NameHit[]>();
  for (const hit of hits) {
    const key = `${hit.form.sourceId}\n${hit.form.folded}`;
    byForm.set(key, [...(byForm.get(key) ?? []), hit]);
  }
  return [...byForm].map(([key, list]) => ({ key, hits: list }));
}

/**
 * What the confidential-name check found in an export that was not written: each passage with
 * where it is (a link to it), and for a part of a name the user did not declare, "Not this
 * person". A declared form cannot be cleared: the text must change. Once nothing blocks, the
 * export can go on.
 */
export function NameCheckDialog(props: {
  hits: NameHit[];
  action: string;
  onContinue: () => void;
  onClose: () => void;
}) {
  const investigationId = useInvestigationId();
  const withCase = useWithCase();
  const [cleared, setCleared] = useState<ReadonlySet<string>>(new Set());
  const { error, run } = useAction();
  const open = props.hits.filter((hit) => !cleared.has(hit.key));
  const clear = (hits: NameHit[]) =>
    void run(async () => {
      await withCase(clearNameHits, hits);
      setCleared((before) => new Set([...before, ...hits.map((hit) => hit.key)]));
    });
  const link = (hit: NameHit) =>
    hit.target &&
    routeHref({
      page: hit.target.kind === 'claim' ? 'claims' : 'notes',
      investigationId,
      query: `${hit.target.kind}=${encodeURIComponent(hit.target.id)}`,
    });
  return (
    <Dialog title="A confidential name would leave the machine" onClose={props.onClose} wide>
      {open.length > 0 ? (
        <p>
          Nothing was written. The export holds{' '}
          {open.length === 1 ? 'a passage' : `${open.length} passages`} that may name a source it
          must not. Change the text, declare the form on the source (Notes, Sources) so that it is
          replaced, or, for a word that is someone else, say so.
        </p>
      ) : (
        <p role="status">Every passage is cleared: the export can go on.</p>
      )}
      {groups(open).map((group) => {
        const { form } = group.hits[0];
        return (
          <section key={group.key} className="name-check-group" aria-label={`“${form.form}”`}>
            <h3>
              “<bdi>{showInvisibles(form.form)}</bdi>”:{' '}
              {form.declared
                ? `a declared form of ${form.label}’s name`
                : `a part of ${form.label}’s name that is not declared`}{' '}
              ({group.hits.length})
            </h3>
            {!form.declared && group.hits.length > 1 && (
              <button type="button" onClick={() => clear(group.hits)}>
                None of these {group.hits.length} is this person
              </button>
            )}
            <ul>
              {group.hits.slice(0, SHOWN).map((hit) => (
                <li key={`${hit.where}\n${hit.key}`}>
                  {link(hit) ? <a href={link(hit)}>{hit.where}</a> : <span>{hit.where}</span>}:{' '}
                  <q>
                    <bdi>{hit.context}</bdi>
                  </q>{' '}
                  {form.declared ? (
                    <span className="hint small">Cannot be cleared: change the text.</span>
                  ) : (
                    <button
                      type="button"
                      aria-label={`Not this person: ${hit.where}`}
                      onClick={() => clear([hit])}
                    >
                      Not this person
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {group.hits.length > SHOWN && (
              <p className="hint small">…and {group.hits.length - SHOWN} more.</p>
            )}
          </section>
        );
      })}
      <ErrorMessage error={error} />
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose} autoFocus={open.length > 0}>
          Close
        </button>
        {open.length === 0 && (
          <button type="button" className="primary" onClick={props.onContinue} autoFocus>
            {props.action}
          </button>
        )}
      </div>
    </Dialog>
  );
}
