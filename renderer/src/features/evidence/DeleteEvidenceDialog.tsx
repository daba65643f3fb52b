import { useId, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { CitedTarget } from '../../case/evidence/citations';
import { useCitations } from '../../case/evidence/useEvidence';

/**
 * Asks before deleting evidence, listing the claims that cite it. Deleting cited evidence takes the
 * user's explicit word that those links go too; otherwise the deletion is refused.
 */
export function DeleteEvidenceDialog(props: {
  target: CitedTarget;
  title: string;
  confirmLabel: string;
  onConfirm: (removeLinks: boolean) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { target } = props;
  const id = useId();
  const [removeLinks, setRemoveLinks] = useState(false);
  const citing = useCitations(target);
  return (
    <ConfirmDialog
      title={props.title}
      confirmLabel={props.confirmLabel}
      onConfirm={() => props.onConfirm(removeLinks)}
      onClose={props.onClose}
      ready={citing !== undefined}
    >
      {props.children}
      {citing && citing.links > 0 && (
        <div className="citing" role="group" aria-labelledby={`${id}-title`}>
          <p id={`${id}-title`}>
            <strong>
              Cited by {citing.claims.length === 1 ? 'a claim' : `${citing.claims.length} claims`}:
            </strong>
          </p>
          <ul aria-label="Claims citing this evidence">
            {citing.claims.map((claim) => (
              <li key={claim.id}>{claim.text}</li>
            ))}
          </ul>
          <label>
            <input
              autoComplete="off"
              type="checkbox"
              checked={removeLinks}
              onChange={(event) => setRemoveLinks(event.target.checked)}
            />{' '}
            Also remove {citing.links === 1 ? 'the link' : `the ${citing.links} links`} (each
            claim’s history keeps what it cited)
          </label>
        </div>
      )}
    </ConfirmDialog>
  );
}
