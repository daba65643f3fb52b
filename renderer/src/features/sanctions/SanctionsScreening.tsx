import { useEffect, useId, useState } from 'react';
import type { Designation } from '#shared/sanctions/ftm';
import { designationStatus } from '#shared/sanctions/designationPeriods';
import { periodText } from '#shared/sanctions/partialDate';
import { entityIdsOf, type SanctionsMatch } from '#shared/sanctions/sanctionsMatch';
import {
  citeDesignation,
  decideMatch,
  reconsiderMatch,
  useSanctionsMatches,
} from '../../case/sanctions/sanctionsMatches';
import { useStoredScreenings } from '../../case/sanctions/caseScreenings';
import {
  screenParties,
  useSnapshots,
  type ScreenedCandidate,
} from '../../case/sanctions/snapshots';
import { useWithCase } from '../../case/useCase';
import { CitedEvidenceError } from '../../case/evidence/citations';
import { DeleteEvidenceDialog, LinkToClaimDialog } from '../evidence';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { SnapshotChanges } from './SnapshotChanges';
import { SnapshotSelect } from './SnapshotSelect';
import { useAction } from '../../ui/useAction';
import { messageOf } from '../../lib/errorMessage';

const tierWords = {
  1: 'Tier 1: the same identifier',
  2: 'Tier 2: the same name',
  3: 'Tier 3: a similar name',
} as const;

/** One designation in words: which list, its period, and whether it is current or past. */
function DesignationLine(props: {
  designation: Designation;
  asOf: string;
  name: string;
  onCite?: () => void;
}) {
  const { designation } = props;
  const past = designationStatus(designation, props.asOf) === 'formerly listed';
  const lists = designation.lists.join(', ');
  return (
    <li>
      <strong>{past ? 'Formerly listed' : 'Listed'}</strong>
      {lists && ` on ${lists}`} {periodText(designation)}
      {designation.authority && ` · ${designation.authority}`}
      {designation.program && ` · ${designation.program}`}
      {props.onCite && (
        <>
          {' '}
          <button
            type="button"
            className="small"
            aria-label={`Cite the ${lists || designation.authority} designation of ${props.name} in a claim`}
            onClick={props.onCite}
          >
            Cite in a claim
          </button>
        </>
      )}
    </li>
  );
}

function Designations(props: {
  target: ScreenedCandidate['target'];
  asOf: string;
  name: string;
  onCite?: (designation: Designation) => void;
}) {
  const { onCite } = props;
  if (props.target.designations.length === 0) return <p className="hint">No designation given.</p>;
  return (
    <ul aria-label={`Designations of ${props.name}`}>
      {props.target.designations.map((designation) => (
        <DesignationLine
          key={designation.id}
          designation={designation}
          asOf={props.asOf}
          name={props.name}
          onCite={onCite && (() => onCite(designation))}
        />
      ))}
    </ul>
  );
}

/** A snapshot as a screening names it: imported in the app, or kept by the case's screening. */
type SnapshotRef = SanctionsMatch['snapshot'];

/**
 * An entity's candidates in one snapshot, best first, each with its tier, its reason, its
 * designations, what the case decided, and Confirm, Dismiss or Reconsider.
 */
function CandidateList(props: {
  candidates: readonly ScreenedCandidate[];
  snapshot: SnapshotRef;
  name: string;
  decisionOf: (targetId: string) => SanctionsMatch | undefined;
  onDecide: (candidate: ScreenedCandidate, decision: SanctionsMatch['decision']) => void;
  onReconsider: (match: SanctionsMatch) => void;
  onCite: (candidate: ScreenedCandidate, designation: Designation) => void;
}) {
  const { snapshot } = props;
  return (
    <ol aria-label={`Candidates in ${snapshot.fileName}`} className="stack">
      {props.candidates.map((candidate) => {
        const decision = props.decisionOf(candidate.targetId);
        const caption = candidate.target.caption;
        const state =
          decision?.decision === 'confirmed'
            ? 'Confirmed'
            : decision?.decision === 'dismissed'
              ? 'Dismissed'
              : candidate.automatic
                ? 'Taken as a match: the same identifier'
                : 'Not confirmed';
        return (
          <li key={candidate.targetId}>
            <strong>{caption}</strong> · {tierWords[candidate.tier]} · {state}
            <p className="hint">{candidate.reason}</p>
            <Designations
              target={candidate.target}
              asOf={snapshot.date}
              name={caption}
              onCite={
                candidate.automatic && !decision
                  ? (designation) => props.onCite(candidate, designation)
                  : undefined
              }
            />
            <div className="row-actions">
              {decision ? (
                <button
                  type="button"
                  className="small"
                  aria-label={`Reconsider ${caption}`}
                  onClick={() => props.onReconsider(decision)}
                >
                  Reconsider
                </button>
              ) : (
                <>
                  {!candidate.automatic && (
                    <button
                      type="button"
                      className="small"
                      aria-label={`Confirm ${caption} as ${props.name}`}
                      onClick={() => props.onDecide(candidate, 'confirmed')}
                    >
                      Confirm
                    </button>
                  )}
                  <button
                    type="button"
                    className="small"
                    aria-label={`Dismiss ${caption}`}
                    onClick={() => props.onDecide(candidate, 'dismissed')}
                  >
                    Dismiss
                  </button>
                </>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** A designation about to be cited, and the match (stored, or a tier-1 candidate) it is of. */
type Citing = {
  designation: Designation;
  caption: string;
  of: Parameters<typeof citeDesignation>[1]['of'];
};

/**
 * Screening of one entity against the sanctions snapshots kept in the app: its confirmed matches
 * (frozen with their snapshot), and the newest snapshot's candidates, best first, each with its
 * tier, its reason, its designations, and Confirm or Dismiss. A tier-1 candidate counts as a match
 * without confirmation, and can be dismissed. Where the app holds no snapshot, the candidates the
 * case's latest screening kept stand in for them, and can be decided the same way.
 */
export function SanctionsScreening(props: {
  entityId: string;
  name: string;
  spellings: readonly string[];
  identifiers: readonly { scheme: string; value: string }[];
  formerIds?: readonly string[];
  aliasKeys?: readonly string[];
}) {
  const id = useId();
  const withCase = useWithCase();
  const { error, run } = useAction();
  const [citing, setCiting] = useState<Citing | null>(null);
  const [reconsidering, setReconsidering] = useState<SanctionsMatch | null>(null);
  const snapshots = useSnapshots();
  const [chosen, setChosen] = useState<string | null>(null);
  const snapshot = snapshots?.find((entry) => entry.id === chosen) ?? snapshots?.[0];
  const entity = { id: props.entityId, formerIds: props.formerIds, aliasKeys: props.aliasKeys };
  const matches = useSanctionsMatches(entity);
  // Where the app holds no snapshot, the candidates are those the case's latest screening kept.
  const stored = useStoredScreenings(snapshots !== undefined && !snapshot);
  const kept = snapshot ? undefined : stored?.[0];
  const keptCandidates =
    kept?.found.find((screened) => entityIdsOf(entity).has(screened.id))?.candidates ?? [];
  const against: SnapshotRef | undefined = snapshot ?? kept?.snapshot;
  const [screened, setScreened] = useState<{
    key: string;
    candidates: ScreenedCandidate[];
    failure?: string;
  } | null>(null);
  const party = { spellings: [...props.spellings], identifiers: [...props.identifiers] };
  const key = snapshot ? `${snapshot.id}\n${JSON.stringify(party)}` : '';

  useEffect(() => {
    if (!snapshot) return;
    let live = true;
    void screenParties(snapshot.id, [party]).then(
      ([candidates]) => {
        if (live) setScreened({ key, candidates });
      },
      (failure: unknown) => {
        const why = messageOf(failure);
        if (live)
          setScreened({
            key,
            candidates: [],
            failure: `Screening against ${snapshot.fileName} failed: ${why}`,
          });
      },
    );
    return () => {
      live = false;
    };
    // `key` holds the snapshot and the party.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (snapshots === undefined || matches === undefined || stored === undefined) return null;
  const decisionOf = (targetId: string): SanctionsMatch | undefined =>
    matches
      .filter((match) => match.target.id === targetId)
      .sort((a, b) => b.decidedAt - a.decidedAt)[0];
  const confirmed = matches.filter((match) => match.decision === 'confirmed');
  // The listed parties the entity is matched with, and the snapshot before the one screened.
  const listedIds = [
    ...new Set([
      ...confirmed.map((match) => match.target.id),
      ...(screened?.key === key
        ? screened.candidates
            .filter((candidate) => candidate.automatic && !decisionOf(candidate.targetId))
            .map((candidate) => candidate.targetId)
        : []),
    ]),
  ].sort();
  const older = snapshot && snapshots[snapshots.indexOf(snapshot) + 1];
  const decide = (candidate: ScreenedCandidate, decision: SanctionsMatch['decision']) => {
    if (against)
      void run(() => withCase(decideMatch, props.entityId, candidate, against, decision));
  };
  const cite = (candidate: ScreenedCandidate, designation: Designation) => {
    if (against)
      setCiting({
        designation,
        caption: candidate.target.caption,
        of: { entityId: props.entityId, candidate, snapshot: against },
      });
  };
  const candidateList = (candidates: readonly ScreenedCandidate[], from: SnapshotRef) => (
    <CandidateList
      candidates={candidates}
      snapshot={from}
      name={props.name}
      decisionOf={decisionOf}
      onDecide={decide}
      onReconsider={reconsider}
      onCite={cite}
    />
  );
  // A match claims cite is taken back only with the user's word on those links.
  const reconsider = (match: SanctionsMatch) =>
    void run(() =>
      withCase(reconsiderMatch, match.id).catch((failure: unknown) => {
        if (!(failure instanceof CitedEvidenceError)) throw failure;
        setReconsidering(match);
      }),
    );

  return (
    <section aria-labelledby={`${id}-title`} className="stack">
      <h4 id={`${id}-title`}>Sanctions lists</h4>
      <ErrorMessage error={error} />
      {confirmed.length > 0 && (
        <ul aria-label="Confirmed sanctions matches" className="stack">
          {confirmed.map((match) => (
            <li key={match.id}>
              <strong>{match.target.caption}</strong> ({tierWords[match.tier]}), confirmed{' '}
              {new Date(match.decidedAt).toLocaleDateString()} against {match.snapshot.fileName} of{' '}
              {match.snapshot.date}
              <Designations
                target={match.target}
                asOf={match.snapshot.date}
                name={match.target.caption}
                onCite={(designation) =>
                  setCiting({ designation, caption: match.target.caption, of: { match } })
                }
              />
              <button
                type="button"
                className="small"
                aria-label={`Reconsider ${match.target.caption}`}
                onClick={() => reconsider(match)}
              >
                Reconsider
              </button>
            </li>
          ))}
        </ul>
      )}
      {kept ? (
        <>
          <p className="hint">
            This app no longer holds {kept.snapshot.fileName} of {kept.snapshot.date}: the
            candidates are as the case kept them from its screening of{' '}
            {new Date(kept.screenedAt).toLocaleDateString()}.
          </p>
          {keptCandidates.length === 0 ? (
            <p>
              No candidate in {kept.snapshot.fileName} of {kept.snapshot.date}.
            </p>
          ) : (
            candidateList(keptCandidates, kept.snapshot)
          )}
        </>
      ) : !snapshot ? (
        <p className="hint">
          No sanctions snapshot is imported: import one in Settings, under Sanctions lists.
        </p>
      ) : (
        <>
          {snapshots.length > 1 && (
            <SnapshotSelect
              label="Screened against"
              snapshots={snapshots}
              value={snapshot.id}
              onChange={setChosen}
            />
          )}
          {!screened || screened.key !== key ? (
            <p aria-busy="true">Screening against {snapshot.fileName}…</p>
          ) : screened.failure ? (
            <p role="alert" className="error">
              {screened.failure}
            </p>
          ) : screened.candidates.length === 0 ? (
            <p>
              No candidate in {snapshot.fileName} of {snapshot.date}.
            </p>
          ) : (
            candidateList(screened.candidates, snapshot)
          )}
          {older && listedIds.length > 0 && (
            <SnapshotChanges older={older} newer={snapshot} targetIds={listedIds} />
          )}
        </>
      )}
      {citing && (
        <LinkToClaimDialog
          target={{
            type: 'designation',
            id: citing.designation.id,
            label: `Designation ${citing.designation.lists.join(', ')}: ${citing.caption}, ${periodText(citing.designation)}`,
          }}
          link={(db, input) =>
            citeDesignation(db, { ...input, of: citing.of, designationId: citing.designation.id })
          }
          onClose={() => setCiting(null)}
        />
      )}
      {reconsidering && (
        <DeleteEvidenceDialog
          target={{ matchDesignations: reconsidering.id }}
          title={`Reconsider ${reconsidering.target.caption}?`}
          confirmLabel="Reconsider"
          onConfirm={(removeLinks) => withCase(reconsiderMatch, reconsidering.id, removeLinks)}
          onClose={() => setReconsidering(null)}
        >
          <p>
            The match is taken back; claims citing its designations lose those links, or it stays.
          </p>
        </DeleteEvidenceDialog>
      )}
    </section>
  );
}
