import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type ReactNode } from 'react';
import type { InvestigationDb } from '../../db/schema';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { citingLinks, type CitedTarget } from './citations';

/**
 * Asks before deleting evidence, listing the claims that cite it. Deleting cited evidence takes the
 * user's explicit word that those links go too; otherwise the deletion is refused.
 */
export function DeleteEvidenceDialog(props: {
  db: InvestigationDb;
  target: CitedTarget;
  title: string;
  confirmLabel: string;
  onConfirm: (removeLinks: boolean) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { db, target } = props;
  const id = useId();
  const [removeLinks, setRemoveLinks] = useState(false);
  const citing = useLiveQuery(async () => {
    const links = await citingLinks(db, target);
    const claims = await db.claims.bulkGet([...new Set(links.map((link) => link.claimId))]);
    return { links: links.length, claims: claims.filter((claim) => claim !== undefined) };
  }, [db, JSON.stringify(target)]);
  return (
    <ConfirmDialog
      title={props.title}
      confirmLabel={props.confirmLabel}
      onConfirm={() => props.onConfirm(removeLinks)}
      onClose={props.onClose}
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
