import { useState } from 'react';
import { evidenceTypeLabels, relationCounts } from '../../../../shared/evidence/link';
import type { InvestigationDb } from '../../db/schema';
import { AddEvidenceDialog } from './AddEvidenceDialog';
import { unlinkEvidence } from './linkMutations';
import { useClaimLinks, useEvidenceCandidates } from './useEvidence';

/** The evidence a claim cites, by relation, with a way to add more. */
export function ClaimEvidence(props: { db: InvestigationDb; claimId: string }) {
  const links = useClaimLinks(props.db, props.claimId);
  const candidates = useEvidenceCandidates(props.db);
  const [adding, setAdding] = useState(false);
  const labels = new Map(
    (candidates ?? []).map((candidate) => [`${candidate.type}:${candidate.id}`, candidate]),
  );
  const counts = relationCounts(links ?? []);
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
      <ul aria-label="Cited evidence" className="cited">
        {(links ?? []).map((link) => {
          const target = labels.get(`${link.targetType}:${link.targetId}`);
          const label = target ? target.label : '(evidence no longer stored)';
          return (
            <li key={link.id} className={`relation-${link.relation}`}>
              <span>
                <strong>{link.relation}</strong> · {evidenceTypeLabels[link.targetType]}: {label}
                {target && <span className="hint small"> ({target.detail})</span>}
                {link.comment && <span className="small"> — {link.comment}</span>}
              </span>
              <button
                type="button"
                className="danger small"
                aria-label={`Remove evidence ${label}`}
                onClick={() =>
                  void unlinkEvidence(
                    props.db,
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
      {adding && (
        <AddEvidenceDialog db={props.db} claimId={props.claimId} onClose={() => setAdding(false)} />
      )}
    </section>
  );
}
