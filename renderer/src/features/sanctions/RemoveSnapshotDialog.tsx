import { useEffect, useState } from 'react';
import type { SanctionsSnapshot } from '#shared/sanctions/snapshot';
import { snapshotCitations, type SnapshotCitations } from '../../case/sanctions/snapshotCitations';
import { removeSnapshot } from '../../case/sanctions/snapshots';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { plural } from '../../ui/formatting';
import { messageOf } from '../../lib/errorMessage';

/**
 * Asks before a snapshot is removed, naming the investigations whose claims cite designations
 * read from it (and those locked, which could not be checked). Cited, it goes only on the user's
 * explicit word; the citations keep their designations, frozen in each case.
 */
export function RemoveSnapshotDialog(props: { snapshot: SanctionsSnapshot; onClose: () => void }) {
  const { snapshot } = props;
  const [citations, setCitations] = useState<SnapshotCitations | null>(null);
  const [checkFailed, setCheckFailed] = useState<string | null>(null);
  const [anyway, setAnyway] = useState(false);
  useEffect(() => {
    let live = true;
    snapshotCitations(snapshot.sha256).then(
      (found) => live && setCitations(found),
      (error: unknown) =>
        live &&
        setCheckFailed(
          `Could not check which claims cite this snapshot, so it stays: ${messageOf(error)}`,
        ),
    );
    return () => {
      live = false;
    };
  }, [snapshot.sha256]);
  const cited = (citations?.citing.length ?? 0) > 0;
  return (
    <ConfirmDialog
      title="Remove this snapshot?"
      confirmLabel="Remove snapshot"
      onConfirm={() => {
        if (cited && !anyway)
          return Promise.reject(
            new Error('Claims cite designations from this snapshot: confirm that it goes anyway.'),
          );
        return removeSnapshot(snapshot.id);
      }}
      onClose={props.onClose}
      ready={citations !== null}
    >
      <p>
        {snapshot.fileName} of {snapshot.date} and its{' '}
        {plural(snapshot.targets, 'listed party', 'listed parties')} will be removed from this app.
        The file itself is not touched.
      </p>
      {checkFailed ? (
        <ErrorMessage error={checkFailed} />
      ) : !citations ? (
        <p aria-busy="true">Checking which claims cite it…</p>
      ) : (
        <>
          {cited && (
            <div className="citing" role="group" aria-label="Claims citing this snapshot">
              <p>
                <strong>Cited by claims in:</strong>
              </p>
              <ul>
                {citations.citing.map((entry) => (
                  <li key={entry.name}>
                    {entry.name}: {plural(entry.claims, 'claim', 'claims')}
                  </li>
                ))}
              </ul>
              <label>
                <input
                  autoComplete="off"
                  type="checkbox"
                  checked={anyway}
                  onChange={(event) => setAnyway(event.target.checked)}
                />{' '}
                Remove it anyway (each citation keeps its designation as it was read, with this
                snapshot’s date and SHA-256)
              </label>
            </div>
          )}
          {citations.locked.length > 0 && (
            <p className="hint">Not checked, because locked: {citations.locked.join(', ')}.</p>
          )}
        </>
      )}
    </ConfirmDialog>
  );
}
