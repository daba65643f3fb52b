import { useState } from 'react';
import { foldForSearch } from '#shared/claimFilter';
import {
  evidenceTypeLabels,
  evidenceTypes,
  relationLabels,
  relations,
  type EvidenceType,
  type Relation,
} from '#shared/evidence/link';
import { useWithCase } from '../../case/useCase';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LabelledSelect } from '../../ui/LabelledSelect';
import { useAction } from '../../ui/useAction';
import { linkEvidence } from '../../case/evidence/linkMutations';
import { useEngineCandidates } from '../../case/evidence/useEngineCandidates';
import { useEvidenceCandidates } from '../../case/evidence/useEvidence';

/** Finds evidence by words and cites it for a claim, with its relation and an optional comment. */
export function AddEvidenceDialog(props: { claimId: string; onClose: () => void }) {
  const withCase = useWithCase();
  const candidates = useEvidenceCandidates();
  const [query, setQuery] = useState('');
  const [type, setType] = useState<EvidenceType | ''>('');
  const [relation, setRelation] = useState<Relation>('supports');
  const [comment, setComment] = useState('');
  const [cited, setCited] = useState<string[]>([]);
  const { error, run } = useAction();
  const fromEngine = useEngineCandidates(query);
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  const stored = (candidates ?? []).filter(
    (candidate) =>
      (!type || candidate.type === type) &&
      words.every((word) => foldForSearch(`${candidate.label} ${candidate.detail}`).includes(word)),
  );
  const shown = [...stored, ...fromEngine.filter((candidate) => !type || candidate.type === type)];
  return (
    <Dialog title="Add evidence" onClose={props.onClose} wide>
      <div className="field-grid">
        <label>
          <span>Find evidence</span>
          <input
            autoComplete="off"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoFocus
          />
        </label>
        <label>
          <span>Kind of evidence</span>
          <select
            autoComplete="off"
            value={type}
            onChange={(event) => setType(event.target.value as EvidenceType | '')}
          >
            <option value="">Any</option>
            {evidenceTypes.map((candidate) => (
              <option key={candidate} value={candidate}>
                {evidenceTypeLabels[candidate]}
              </option>
            ))}
          </select>
        </label>
        <LabelledSelect
          label="Relation"
          value={relation}
          options={relations}
          labels={relationLabels}
          onChange={setRelation}
        />
        <label>
          <span>Comment (optional)</span>
          <input
            autoComplete="off"
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </label>
      </div>
      <ErrorMessage error={error} />
      {candidates === undefined ? (
        <p aria-busy="true">Loading evidence…</p>
      ) : shown.length === 0 ? (
        <p className="hint">
          No evidence matches. Shipments, saved shipment filters, entities, excerpts, source notes
          and documents can be cited; type a party, a description or a declaration number to find
          single shipments.
        </p>
      ) : (
        <ul className="evidence-candidates" aria-label="Evidence found">
          {shown.slice(0, 100).map((candidate) => (
            <li key={`${candidate.type}:${candidate.id}`}>
              <span>
                <span className="tag">{evidenceTypeLabels[candidate.type]}</span> {candidate.label}{' '}
                <span className="hint small">{candidate.detail}</span>
              </span>
              <button
                type="button"
                disabled={cited.includes(candidate.id)}
                aria-label={`Cite ${candidate.label}`}
                onClick={() =>
                  void run(async () => {
                    await withCase(linkEvidence, {
                      claimId: props.claimId,
                      targetType: candidate.type,
                      targetId: candidate.id,
                      label: `${evidenceTypeLabels[candidate.type]} ${candidate.label}`,
                      relation,
                      comment,
                    });
                    setCited((ids) => [...ids, candidate.id]);
                  })
                }
              >
                {cited.includes(candidate.id) ? 'Cited' : 'Cite'}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
