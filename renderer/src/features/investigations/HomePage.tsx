import { useState, type FormEvent } from 'react';
import type { Investigation } from '#shared/investigation';
import { navigate } from '../../app/useHashRoute';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { BackupDialog, RestoreArchive } from '../archive';
import { LockDialog, RemoveLockDialog } from '../lock';
import { DeleteInvestigationDialog } from './DeleteInvestigationDialog';
import { InvestigationRow } from './InvestigationRow';
import { RenameInvestigationDialog } from './RenameInvestigationDialog';
import { createInvestigation } from './investigationMutations';
import { openSampleInvestigation } from './openSampleInvestigation';
import { useInvestigations } from '../../case/investigations/useInvestigations';
import { platform } from '../../app/platform';
import { askForPersistentStorage } from '../../app/persistentStorage';

export function HomePage() {
  const investigations = useInvestigations();
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<Investigation | null>(null);
  const [deleting, setDeleting] = useState<Investigation | null>(null);
  const [backingUp, setBackingUp] = useState<Investigation | null>(null);
  const [locking, setLocking] = useState<Investigation | null>(null);
  const [removingLock, setRemovingLock] = useState<Investigation | null>(null);
  const { error, run } = useAction();

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const investigation = await createInvestigation(name);
      // With the first case, the browser is asked to keep the data when disk space runs low.
      if (investigations?.length === 0) await askForPersistentStorage();
      setName('');
      navigate({ page: 'claims', investigationId: investigation.id });
    });
  };

  const [openingSample, setOpeningSample] = useState(false);
  const openSample = () => {
    setOpeningSample(true);
    void run(async () => {
      const investigation = await openSampleInvestigation();
      navigate({ page: 'claims', investigationId: investigation.id });
    }).finally(() => setOpeningSample(false));
  };

  return (
    <main className="page" aria-labelledby="home-title">
      <h1 id="home-title">Investigations</h1>
      <form className="inline-form" onSubmit={onCreate}>
        <label htmlFor="new-investigation-name">New investigation name</label>
        <input
          autoComplete="off"
          id="new-investigation-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. China–Russia defense trade 2022"
          maxLength={200}
        />
        <button type="submit">Create investigation</button>
      </form>
      <ErrorMessage error={error} />
      <RestoreArchive />

      {investigations === undefined ? (
        <p aria-busy="true">Loading investigations…</p>
      ) : investigations.length === 0 ? (
        <section className="empty-state" aria-label="No investigations yet">
          <p>No investigations yet. Create one above, or explore a synthetic sample case first.</p>
          {platform.kind === 'browser' && (
            <p className="small">
              With your first investigation, Waybill asks this browser to keep its storage even when
              disk space runs low (persistent storage): otherwise the browser may delete the cases
              to make room. Settings shows whether it agreed.
            </p>
          )}
          <button
            type="button"
            onClick={openSample}
            disabled={openingSample}
            aria-busy={openingSample}
          >
            {openingSample ? 'Opening the sample investigation…' : 'Open sample investigation'}
          </button>
        </section>
      ) : (
        <table className="investigations">
          <caption className="visually-hidden">Investigations</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Claims</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {investigations.map((investigation) => (
              <InvestigationRow
                key={investigation.id}
                investigation={investigation}
                onRename={setRenaming}
                onDelete={setDeleting}
                onBackUp={setBackingUp}
                onLock={setLocking}
                onRemoveLock={setRemovingLock}
              />
            ))}
          </tbody>
        </table>
      )}

      {renaming && (
        <RenameInvestigationDialog investigation={renaming} onClose={() => setRenaming(null)} />
      )}
      {backingUp && <BackupDialog investigation={backingUp} onClose={() => setBackingUp(null)} />}
      {locking && <LockDialog investigation={locking} onClose={() => setLocking(null)} />}
      {removingLock && (
        <RemoveLockDialog investigation={removingLock} onClose={() => setRemovingLock(null)} />
      )}
      {deleting && (
        <DeleteInvestigationDialog investigation={deleting} onClose={() => setDeleting(null)} />
      )}
    </main>
  );
}
