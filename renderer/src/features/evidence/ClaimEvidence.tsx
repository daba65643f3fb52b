import { useState } from 'react';
import {
  evidenceTypeLabels,
  evidenceTypes,
  relationCounts,
  type EvidenceLink,
} from '#shared/evidence/link';
import { useWithCase } from '../../case/useCase';
import { useNotes } from '../../case/notes/useNotes';
import { EngineProgressBar } from '../../ui/EngineProgressBar';
import { shipmentLabel } from '../../case/shipments/shipmentLabel';
import { useSavedFilters } from '../../case/shipments/useSavedFilters';
import { useShipmentEngine } from '../../case/shipments/useShipmentEngine';
import { useSanctionsMatchMap } from '../../case/sanctions/sanctionsMatches';
import { AddEvidenceDialog } from './AddEvidenceDialog';
import { EvidenceSummary } from './EvidenceSummary';
import { figureText } from '#shared/sanctions/designationPeriods';
import { markCountSeen, unlinkEvidence } from '../../case/evidence/linkMutations';
import { useEngineEvidence, type EngineEvidence } from '../../case/evidence/useEngineEvidence';
import {
  useClaimLinks,
  useEvidenceCandidates,
  type EvidenceCandidate,
} from '../../case/evidence/useEvidence';

const needsEngine = (link: EvidenceLink) =>
  link.targetType === 'shipment' ||
  link.targetType === 'savedFilter' ||
  link.targetType === 'entity' ||
  link.targetType === 'designation';

type Described = { label: string; detail: string; changed?: { was: number; now: number } };

/** How one link reads: its target's label and what the engine or the database says of it. */
function describe(
  link: EvidenceLink,
  candidates: Map<string, EvidenceCandidate>,
  engine: EngineEvidence | null,
): Described {
  const gone = { label: '(evidence no longer stored)', detail: '' };
  if (link.targetType === 'shipment') {
    const position = engine?.shipmentLinks.findIndex((other) => other.id === link.id) ?? -1;
    const row = position >= 0 ? engine?.shipments[position] : undefined;
    if (row === undefined) return { label: link.targetId, detail: 'loading…' };
    if (row === null) return gone;
    return {
      label: shipmentLabel(row),
      detail: row.reportedBy > 1 ? `reported by ${row.reportedBy} datasets` : 'one dataset',
    };
  }
  if (link.targetType === 'entity') {
    const position = engine?.entityLinks.findIndex((other) => other.id === link.id) ?? -1;
    const entity = position >= 0 ? engine?.entities[position] : undefined;
    if (entity === undefined) return { label: '…', detail: 'loading…' };
    return entity ? { label: entity.name, detail: 'entity' } : gone;
  }
  const target = candidates.get(`${link.targetType}:${link.targetId}`);
  if (!target) return gone;
  if (link.targetType !== 'savedFilter') return { label: target.label, detail: target.detail };
  const position = engine?.filterLinks.findIndex((other) => other.id === link.id) ?? -1;
  const count = position >= 0 ? engine?.filterCounts[position] : undefined;
  if (count === undefined) return { label: target.label, detail: 'counting…' };
  const changed =
    link.seenCount !== undefined && link.seenCount !== count
      ? { was: link.seenCount, now: count }
      : undefined;
  return { label: target.label, detail: `live: matches ${count.toLocaleString()} rows`, changed };
}

/** The evidence a claim cites, grouped by kind, with its summary and a way to add more. */
export function ClaimEvidence(props: { claimId: string }) {
  const withCase = useWithCase();
  const links = useClaimLinks(props.claimId);
  const candidates = useEvidenceCandidates();
  const savedFilters = useSavedFilters();
  const notes = useNotes();
  const { engine, progress } = useShipmentEngine((links ?? []).some(needsEngine));
  const matches = useSanctionsMatchMap();
  const engineEvidence = useEngineEvidence(links, savedFilters, engine, matches);
  const [adding, setAdding] = useState(false);
  const labels = new Map(
    (candidates ?? []).map((candidate) => [`${candidate.type}:${candidate.id}`, candidate]),
  );
  const counts = relationCounts(links ?? []);
  const waiting = (links ?? []).some(needsEngine) && !engine;
  return (
    <section aria-labelledby="claim-evidence-title" className="claim-evidence">
      <div className="list-header">
        <h3 id="claim-evidence-title">Evidence</h3>
        <button type="button" onClick={() => setAdding(true)}>
          Add evidence
        </button>
      </div>
      <p className="hint small">
        {counts.supports} supporting · {counts.contradicts} contradicting · {counts.context} context
      </p>
      {waiting && <EngineProgressBar progress={progress} label="Loading shipments…" />}
      {links && notes && (
        <EvidenceSummary
          links={links}
          notes={notes}
          shipments={engineEvidence?.summary ?? null}
          designations={(engineEvidence?.designationLinks ?? []).map((link, position) => ({
            label: describe(link, labels, engineEvidence).label,
            figure: figureText(engineEvidence!.designationFigures[position]),
          }))}
          describe={(link) => describe(link, labels, engineEvidence).label}
        />
      )}
      {evidenceTypes.map((type) => {
        const ofType = (links ?? []).filter((link) => link.targetType === type);
        if (ofType.length === 0) return null;
        return (
          <div key={type} className="evidence-group">
            <h4>{evidenceTypeLabels[type]}</h4>
            <ul aria-label={`Cited ${evidenceTypeLabels[type].toLowerCase()}`} className="cited">
              {ofType.map((link) => {
                const { label, detail, changed } = describe(link, labels, engineEvidence);
                return (
                  <li key={link.id} className={`relation-${link.relation}`}>
                    <span>
                      <strong>{link.relation}</strong> · {label}
                      {detail && <span className="hint small"> ({detail})</span>}
                      {link.comment && (
                        <span className="small">
                          {' '}
                          — <bdi>{link.comment}</bdi>
                        </span>
                      )}
                      {changed && (
                        <span className="changed small" role="note">
                          {' '}
                          Count changed: was {changed.was.toLocaleString()}, now{' '}
                          {changed.now.toLocaleString()}{' '}
                          <button
                            type="button"
                            className="small"
                            onClick={() => void withCase(markCountSeen, link.id, changed.now)}
                          >
                            Mark as seen
                          </button>
                        </span>
                      )}
                    </span>
                    <button
                      type="button"
                      className="danger small"
                      aria-label={`Remove evidence ${label}`}
                      onClick={() =>
                        void withCase(
                          unlinkEvidence,
                          link,
                          `${evidenceTypeLabels[link.targetType]} ${label}`,
                        )
                      }
                    >
                      ×
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      {adding && <AddEvidenceDialog claimId={props.claimId} onClose={() => setAdding(false)} />}
    </section>
  );
}
