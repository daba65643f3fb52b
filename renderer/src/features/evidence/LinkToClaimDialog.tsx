import { useState } from 'react';
import { relationLabels, relations, type EvidenceType, type Relation } from '#shared/evidence/link';
import { useWithCase } from '../../case/useCase';
import { FormDialog } from '../../ui/FormDialog';
import { LabelledSelect } from '../../ui/LabelledSelect';
import { useClaims } from '../../case/claims/useClaims';
import { linkEvidence, type LinkWork } from '../../case/evidence/linkMutations';

/**
 * Cites one piece of evidence (a note, an excerpt…) for a claim chosen here; `link` stands in for
 * the plain link where citing takes more (a designation's match confirmed first).
 */
export function LinkToClaimDialog(props: {
  target: { type: EvidenceType; id: string; label: string };
  link?: LinkWork;
  onClose: () => void;
}) {
  const withCase = useWithCase();
  const claims = useClaims();
  const [claimId, setClaimId] = useState('');
  const [relation, setRelation] = useState<Relation>('supports');
  const [comment, setComment] = useState('');
  const chosen = claimId || claims?.[0]?.id || '';
  return (
    <FormDialog
      title={`Link to claim: ${props.target.label}`}
      submitLabel="Link"
      onSubmit={() => {
        if (!chosen) return Promise.reject(new Error('Write a claim first.'));
        return withCase(props.link ?? linkEvidence, {
          claimId: chosen,
          targetType: props.target.type,
          targetId: props.target.id,
          label: props.target.label,
          relation,
          comment,
        });
      }}
      onClose={props.onClose}
      ready={Boolean(chosen)}
    >
      {claims?.length === 0 && (
        <p className="hint">This investigation has no claims yet: write one first.</p>
      )}
      <label htmlFor="link-claim">Claim</label>
      <select
        autoComplete="off"
        id="link-claim"
        value={chosen}
        onChange={(event) => setClaimId(event.target.value)}
      >
        {(claims ?? []).map((claim) => (
          <option key={claim.id} value={claim.id}>
            {claim.text.length > 100 ? `${claim.text.slice(0, 100)}…` : claim.text}
          </option>
        ))}
      </select>
      <LabelledSelect
        label="Relation"
        value={relation}
        options={relations}
        labels={relationLabels}
        onChange={setRelation}
      />
      <label htmlFor="link-comment">Comment (optional)</label>
      <input
        autoComplete="off"
        id="link-comment"
        value={comment}
        onChange={(event) => setComment(event.target.value)}
      />
    </FormDialog>
  );
}
