import { useState, type FormEvent } from 'react';
import { ARCHIVE_EXTENSION } from '#shared/archive/archiveFormat';
import type { Investigation } from '#shared/investigation';
import { fileStem } from '#shared/text/fileStem';
import { platform, type SaveTarget } from '../../app/platform';
import { Dialog } from '../../ui/Dialog';
import { MIN_PASSPHRASE_LENGTH, passphraseProblem } from '#shared/passphraseRules';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { ArchiveWorkFooter } from './ArchiveWorkFooter';
import { backUp } from '../../case/archive/archiveWorkerClient';
import { useConfidentialSourceCount } from '../../case/archive/useConfidentialSourceCount';
import { messageOf } from '../../lib/errorMessage';

const fileName = (name: string) =>
  `${fileStem(name)}-${new Date().toISOString().slice(0, 10)}.${ARCHIVE_EXTENSION}`;

/**
 * Backs an investigation up as one archive file, original files included. A passphrase encrypts
 * it; one is required when the case holds a confidential source, since the archive is the one file
 * that carries confidential names off the machine.
 */
export function BackupDialog(props: { investigation: Investigation; onClose: () => void }) {
  const { investigation } = props;
  const confidential = useConfidentialSourceCount(investigation);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const required = (confidential ?? 0) > 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (required && !passphrase)
      return setError('This case holds a confidential source: the archive needs a passphrase.');
    // No passphrase makes a plain archive; one that is given meets the lock's rules.
    const problem = passphrase || repeat ? passphraseProblem(passphrase, repeat) : null;
    if (problem) return setError(problem);
    setError(null);
    // The save dialog first, while the click is still the user's (a browser shows it only then):
    // the archive is then written straight into the chosen file.
    void platform
      .saveInto({
        suggestedName: fileName(investigation.name),
        filters: [{ name: 'Waybill archive', extensions: [ARCHIVE_EXTENSION] }],
      })
      .then((target) => target && writeInto(target))
      .catch((caught: unknown) => setError(messageOf(caught)));
  };

  const writeInto = async (target: SaveTarget) => {
    setProgress({ done: 0, total: 1 });
    let finished = false;
    try {
      await backUp(
        investigation,
        passphrase || null,
        (done, total) => {
          if (!finished) setProgress({ done, total });
        },
        target,
      );
      finished = true;
      setSaved(await target.close());
    } catch (caught) {
      finished = true;
      await target.abort().catch(() => undefined);
      setError(messageOf(caught));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Dialog title={`Back up “${investigation.name}”`} onClose={props.onClose}>
      {saved ? (
        <p role="status">
          Saved <strong>{saved}</strong>: every claim, note, excerpt, dataset and original file,
          with the SHA-256 of each in its manifest.
        </p>
      ) : (
        <form className="stack" onSubmit={onSubmit}>
          <p className="hint">
            One file holds the whole investigation, original files included. Restore it on this or
            another machine, in the desktop app or in browser mode.
          </p>
          <NewPassphraseFields
            label={`Passphrase ${
              required
                ? `(required: this case holds a confidential source; at least ${MIN_PASSPHRASE_LENGTH} characters)`
                : `(optional; at least ${MIN_PASSPHRASE_LENGTH} characters)`
            }`}
            passphrase={passphrase}
            repeat={repeat}
            onPassphrase={setPassphrase}
            onRepeat={setRepeat}
          />
          <p className="hint small">
            A forgotten passphrase cannot be recovered: without it the archive cannot be opened.
          </p>
          <ArchiveWorkFooter
            error={error}
            progress={progress}
            label="Writing the archive"
            cancelLabel="Cancel backup"
            submitLabel="Back up"
            onCancel={props.onClose}
          />
        </form>
      )}
      {saved && (
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            Close
          </button>
        </div>
      )}
    </Dialog>
  );
}
