import { useState } from 'react';
import type { Claim, Section, Status } from '#shared/investigation';
import { useWithCase } from '../../case/useCase';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { ClaimEvidence } from '../evidence';
import { ClaimHistory } from './ClaimHistory';
import { StatusChangeDialog } from './StatusChangeDialog';
import { TagEditor } from './TagEditor';
import {
  changeClaimStatus,
  moveClaimToSection,
  updateClaim,
} from '../../case/claims/claimMutations';

export function ClaimEditor(props: {
  claim: Claim;
  statuses: Status[];
  sections: Section[];
  knownTags: string[];
  /** Where the claim's evidence falls short of its status's rule. */
  ruleWarnings: string[];
  onDelete: () => void;
}) {
  const withCase = useWithCase();
  const { claim } = props;
  // Keyed by claim id in the parent, so a draft never carries over to another claim.
  const [text, setText] = useState(claim.text);
  const [pendingStatus, setPendingStatus] = useState<Status | null>(null);
  const { error, run } = useAction();
  const status = props.statuses.find((candidate) => candidate.id === claim.statusId);

  return (
    <section className="claim-editor" aria-labelledby="claim-editor-title">
      <h2 id="claim-editor-title">Claim</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => withCase(updateClaim, claim.id, { text }));
        }}
      >
        <label htmlFor="claim-text">Claim text</label>
        <textarea
          autoComplete="off"
          id="claim-text"
          rows={4}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <div>
          <button type="submit" disabled={text.trim() === claim.text}>
            Save text
          </button>
        </div>
      </form>

      <div className="field-row">
        <label>
          <span>Status</span>
          <select
            autoComplete="off"
            value={claim.statusId}
            onChange={(event) => {
              const next = props.statuses.find((candidate) => candidate.id === event.target.value);
              if (next) setPendingStatus(next);
            }}
          >
            {props.statuses.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Section</span>
          <select
            autoComplete="off"
            value={claim.sectionId ?? ''}
            onChange={(event) =>
              void run(() => withCase(moveClaimToSection, claim.id, event.target.value || null))
            }
          >
            <option value="">Unsectioned</option>
            {props.sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {status?.description && <p className="hint">{status.description}</p>}
      {props.ruleWarnings.length > 0 && (
        <p className="warning" role="status">
          <strong>Status rule not met.</strong> {props.ruleWarnings.join(' ')}
        </p>
      )}

      <TagEditor
        tags={claim.tags}
        knownTags={props.knownTags}
        onChange={(tags) => run(() => withCase(updateClaim, claim.id, { tags }))}
      />
      <ErrorMessage error={error} />

      <div>
        <button type="button" className="danger" onClick={props.onDelete}>
          Delete claim
        </button>
      </div>

      <ClaimEvidence claimId={claim.id} />

      <ClaimHistory claimId={claim.id} />

      {pendingStatus && (
        <StatusChangeDialog
          from={status}
          to={pendingStatus}
          onConfirm={(reason) => withCase(changeClaimStatus, claim.id, pendingStatus.id, reason)}
          onClose={() => setPendingStatus(null)}
        />
      )}
    </section>
  );
}
