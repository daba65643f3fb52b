import { useId, useState, type FormEvent } from 'react';
import type { Investigation } from '../../../../shared/investigation';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { turnLockOff } from './lockMutations';
import { ArchiveWorkProgress } from '../archive/ArchiveWorkProgress';
import { usePass } from './usePass';

/** Turns the lock off, after asking for the passphrase again. */
export function RemoveLockDialog(props: { investigation: Investigation; onClose: () => void }) {
  const { investigation } = props;
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const { progress, error, close, start } = usePass(props.onClose);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    start((onProgress) => turnLockOff(investigation, passphrase, onProgress));
  };

  return (
    <Dialog title={`Remove the lock of “${investigation.name}”`} onClose={close}>
      <form className="stack" onSubmit={onSubmit}>
        <p className="hint">
          The case will be stored unencrypted on this computer again, readable by anyone who can
          read its files.
        </p>
        <label htmlFor={`${id}-passphrase`}>Passphrase</label>
        <input
          id={`${id}-passphrase`}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
        />
        <ErrorMessage error={error} />
        {progress ? (
          <ArchiveWorkProgress
            label="Decrypting the investigation"
            cancelLabel="Cancel"
            {...progress}
          />
        ) : (
          <div className="dialog-actions">
            <button type="button" onClick={props.onClose}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Remove the lock
            </button>
          </div>
        )}
      </form>
    </Dialog>
  );
}
