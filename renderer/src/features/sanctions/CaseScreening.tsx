import { useId, useState, type ReactNode } from 'react';
import type { SanctionsMatch } from '#shared/sanctions/sanctionsMatch';
import { useSanctionsMatchMap } from '../../case/sanctions/sanctionsMatches';
import { useCaseScreening, type ScreenedEntity } from '../../case/sanctions/useCaseScreening';
import { useSnapshots } from '../../case/sanctions/snapshots';
import { SnapshotChanges } from './SnapshotChanges';
import { SnapshotSelect } from './SnapshotSelect';
import { plural } from '../../ui/formatting';

/** How many entities with similar names only are listed; the rest are counted. */
const SHOWN_SIMILAR = 100;

/**
 * The case's entities screened against the newest sanctions snapshot, as imports land: those with
 * a candidate by identifier or name first, each with its best candidate and what the case decided,
 * then those with similar names only. Each opens the entity, where candidates are decided. Where
 * the app holds no snapshot, the case's latest kept screening is shown.
 */
export function CaseScreening(props: { onOpen: (entityId: string) => void }) {
  const id = useId();
  const screening = useCaseScreening();
  const matches = useSanctionsMatchMap();
  const snapshots = useSnapshots();
  const [comparedWith, setComparedWith] = useState('');
  if (!screening || screening.state === 'none' || !matches || !snapshots) return null;
  const decided = new Map<string, SanctionsMatch>();
  for (const match of [...matches.values()].sort((a, b) => a.decidedAt - b.decidedAt))
    decided.set(`${match.entityId}\n${match.target.id}`, match);
  const state = (entity: ScreenedEntity) => {
    const [best] = entity.candidates;
    const decision = decided.get(`${entity.id}\n${best.targetId}`)?.decision;
    if (decision === 'confirmed') return 'confirmed';
    if (decision === 'dismissed') return 'dismissed';
    return best.automatic ? 'taken as a match: the same identifier' : 'not decided';
  };
  // The listed parties the case's entities are matched with (confirmed, or by identifier), and
  // the snapshot the newest is compared with.
  const matchedIds = (found: readonly ScreenedEntity[]) =>
    [
      ...new Set([
        ...[...decided.values()]
          .filter((match) => match.decision === 'confirmed')
          .map((match) => match.target.id),
        ...found.flatMap((entity) =>
          entity.candidates
            .filter(
              (candidate) =>
                candidate.automatic && !decided.has(`${entity.id}\n${candidate.targetId}`),
            )
            .map((candidate) => candidate.targetId),
        ),
      ]),
    ].sort();
  const [newest, ...older] = snapshots;
  const compared = older.find((snapshot) => snapshot.id === comparedWith) ?? older[0];
  const item = (entity: ScreenedEntity) => {
    const [best] = entity.candidates;
    return (
      <li key={entity.id}>
        <button
          type="button"
          className="link"
          aria-label={`Open ${entity.name}: tier ${best.tier} candidate ${best.target.caption}, ${state(entity)}`}
          onClick={() => props.onOpen(entity.id)}
        >
          {entity.name}
        </button>{' '}
        <span className="hint small">
          tier {best.tier}: {best.target.caption} · {state(entity)}
        </span>
      </li>
    );
  };
  return (
    <section aria-labelledby={`${id}-title`} className="case-screening stack">
      <h3 id={`${id}-title`}>Sanctions screening</h3>
      {screening.state === 'screening' ? (
        <p aria-busy="true">
          Screening every entity against {screening.snapshot.fileName} of {screening.snapshot.date}…
        </p>
      ) : screening.state === 'failed' ? (
        <p role="alert" className="error">
          Screening against {screening.snapshot.fileName} failed: {screening.message}
        </p>
      ) : (
        <>
          {screening.kept && (
            <p className="hint small">
              This app no longer holds the snapshot: as the case kept its screening of{' '}
              {new Date(screening.screening.screenedAt).toLocaleDateString()}.
            </p>
          )}
          <CaseScreeningResult
            screened={screening.screening.screened}
            found={screening.screening.found}
            source={`${screening.screening.snapshot.fileName} of ${screening.screening.snapshot.date}`}
            item={item}
            undecided={(entity) => state(entity) === 'not decided'}
          />
          {!screening.kept && compared && (
            <div className="stack">
              <SnapshotSelect
                label="Compare with"
                snapshots={older}
                value={compared.id}
                onChange={setComparedWith}
              />
              <SnapshotChanges
                older={compared}
                newer={newest}
                targetIds={matchedIds(screening.screening.found)}
                scope="case"
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}

function CaseScreeningResult(props: {
  screened: number;
  found: ScreenedEntity[];
  source: string;
  item: (entity: ScreenedEntity) => ReactNode;
  undecided: (entity: ScreenedEntity) => boolean;
}) {
  const named = props.found
    .filter((entity) => entity.candidates[0].tier < 3)
    .sort((a, b) => a.candidates[0].tier - b.candidates[0].tier || a.name.localeCompare(b.name));
  const similar = props.found
    .filter((entity) => entity.candidates[0].tier === 3)
    .sort((a, b) => b.candidates[0].score - a.candidates[0].score || a.name.localeCompare(b.name));
  return (
    <>
      <p className="small" role="status" aria-label="Sanctions screening result">
        {plural(props.screened, 'entity', 'entities')} screened against {props.source}:{' '}
        {plural(named.length, 'entity', 'entities')} with a candidate by identifier or name (
        {named.filter(props.undecided).length} not decided),{' '}
        {plural(similar.length, 'entity', 'entities')} with similar names only.
      </p>
      {named.length > 0 && (
        <ul aria-label="Entities with a candidate by identifier or name" className="stack">
          {named.map(props.item)}
        </ul>
      )}
      {similar.length > 0 && (
        <details>
          <summary>Entities with similar names only</summary>
          <ul aria-label="Entities with similar names only" className="stack">
            {similar.slice(0, SHOWN_SIMILAR).map(props.item)}
          </ul>
          {similar.length > SHOWN_SIMILAR && (
            <p className="hint small">
              The {SHOWN_SIMILAR} most alike are listed; open any entity to see its candidates.
            </p>
          )}
        </details>
      )}
    </>
  );
}
