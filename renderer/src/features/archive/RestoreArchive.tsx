import { useId, useState, type FormEvent } from 'react';
import { ARCHIVE_EXTENSION } from '#shared/archive/archiveFormat';
import type { Investigation } from '#shared/investigation';
import { platform } from '../../app/platform';
import { routeHref } from '../../app/useHashRoute';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useInvestigations } from '../../case/investigations/useInvestigations';
import { ArchiveWorkFooter } from './ArchiveWorkFooter';
import { chosenFileGoneMessage } from '../../lib/chosenFile';
import { readArchiveHeader, restoreFromArchive } from '../../case/archive/archiveWorkerClient';
import { messageOf } from '../../lib/errorMessage';

type Chosen = { name: string; file: Blob; encrypted: boolean };

/**
 * Restores an archive as a new investigation, or in place of an investigation the user picks by
 * name (the dialog says what that costs); nothing the archive says decides what is replaced. Every
 * entry is checked against the archive's manifest before anything is stored; a damaged or changed
 * archive is refused, naming what failed.
 */
/** Why an archive could not be read or restored, naming it. */
const failure = (caught: unknown, name: string): string =>
  chosenFileGoneMessage(caught, name) ?? `${name}: ${messageOf(caught)}`;

export function RestoreArchive() {
  const id = useId();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // The id of the investigation to replace; '' restores a new one.
  const [replace, setReplace] = useState('');
  const investigations = useInvestigations();
  const target = investigations?.find((investigation) => investigation.id === replace);
  const [restored, setRestored] = useState<{
    investigation: Investigation;
    replaced: boolean;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async () => {
    setError(null);
    setRestored(null);
    const [file] = await platform.openFiles({
      filters: [{ name: 'Waybill archive', extensions: [ARCHIVE_EXTENSION, 'zip'] }],
    });
    if (!file) return;
    try {
      const header = await readArchiveHeader(file);
      setChosen({ name: file.name, file, encrypted: header.encrypted });
    } catch (caught) {
      setError(failure(caught, file.name));
    }
  };

  const restore = (event?: FormEvent) => {
    event?.preventDefault();
    if (!chosen) return;
    setError(null);
    setProgress({ done: 0, total: 1 });
    let finished = false;
    void restoreFromArchive(
      chosen.file,
      chosen.encrypted ? passphrase : null,
      (done, total) => {
        if (!finished) setProgress({ done, total });
      },
      replace || null,
    )
      .then((result) => {
        finished = true;
        setRestored(result);
        setChosen(null);
        setPassphrase('');
        setReplace('');
      })
      .catch((caught: unknown) => {
        finished = true;
        setError(failure(caught, chosen.name));
      })
      .finally(() => setProgress(null));
  };

  return (
    <section className="restore" aria-label="Restore from archive">
      <button type="button" onClick={() => void choose()}>
        Restore from archive
      </button>
      {restored && (
        <p role="status">
          Restored{' '}
          <a href={routeHref({ page: 'claims', investigationId: restored.investigation.id })}>
            {restored.investigation.name}
          </a>
          {restored.replaced ? ' in place of the investigation you picked' : ''}, every entry
          checked against the archive’s manifest.
        </p>
      )}
      {!chosen && <ErrorMessage error={error} />}
      {chosen && (
        <Dialog title={`Restore ${chosen.name}`} onClose={() => setChosen(null)}>
          <form className="stack" onSubmit={restore}>
            <label htmlFor={`${id}-replace`}>Restore as</label>
            <select
              autoComplete="off"
              id={`${id}-replace`}
              value={replace}
              onChange={(event) => setReplace(event.target.value)}
            >
              <option value="">A new investigation</option>
              {investigations?.map((investigation) => (
                <option key={investigation.id} value={investigation.id}>
                  {`In place of “${investigation.name}”`}
                </option>
              ))}
            </select>
            <p className="hint" role={target ? 'alert' : undefined}>
              {target
                ? `“${target.name}” is replaced by the archive’s contents: what it holds now is lost. It keeps its place and id.`
                : 'It becomes a new investigation; nothing you have now changes.'}
            </p>
            {!chosen.encrypted && (
              <p className="hint" role="note">
                Unencrypted: its contents can’t be proven to come from Waybill. Anyone could have
                written or changed it; restore it only if you trust where it came from.
              </p>
            )}
            {chosen.encrypted && (
              <>
                <label htmlFor={`${id}-passphrase`}>Archive passphrase</label>
                <input
                  id={`${id}-passphrase`}
                  type="password"
                  autoComplete="off"
                  value={passphrase}
                  onChange={(event) => setPassphrase(event.target.value)}
                  autoFocus
                />
              </>
            )}
            <ArchiveWorkFooter
              error={error}
              progress={progress}
              label="Restoring the archive"
              cancelLabel="Cancel restore"
              submitLabel="Restore"
              onCancel={() => setChosen(null)}
            />
          </form>
        </Dialog>
      )}
    </section>
  );
}
