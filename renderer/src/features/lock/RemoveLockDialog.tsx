import { useId, useState, type FormEvent } from 'react';
import type { Investigation } from '#shared/investigation';
import { Dialog } from '../../ui/Dialog';
import { turnLockOff } from './lockMutations';
import { ArchiveWorkFooter } from '../archive';
import { usePass } from './usePass';

/** Turns the lock off, after asking for the passphrase again. */
export function RemoveLockDialog(props: { investigation: Investigation; onClose: () => void }) {
  const { investigation } = props;
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const { progress, error, close, start } = usePass(props.onClose);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    start(() => turnLockOff(investigation, passphrase));
  };

  return (
    <Dialog title={`Remove the lock of “${investigation.name}”`} onClose={close}>
      <form className="stack" onSubmit={onSubmit}>
        <p className="hint">
          The case’s key will be stored on this computer again: anyone who can read this browser
          profile’s files can read the case.
        </p>
        <label htmlFor={`${id}-passphrase`}>Passphrase</label>
        <input
          id={`${id}-passphrase`}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
        />
        <ArchiveWorkFooter
          error={error}
          progress={progress}
          label="Removing the lock"
          cancelLabel="Cancel"
          submitLabel="Remove the lock"
          onCancel={props.onClose}
        />
      </form>
    </Dialog>
  );
}
