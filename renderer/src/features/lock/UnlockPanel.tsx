import { useId, useRef, useState, type FormEvent } from 'react';
import type { Investigation } from '#shared/investigation';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { UnlockCancelled, unlockInvestigation } from './lockMutations';

/** What a locked investigation shows: nothing of its contents, and a way to unlock it. */
export function UnlockPanel(props: { investigation: Investigation }) {
  const { investigation } = props;
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const cancelled = useRef(false);
  const { error, run } = useAction();

  // Deriving the key takes a second or two (Argon2id, 64 MiB): it can be cancelled meanwhile.
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    cancelled.current = false;
    setBusy(true);
    void run(async () => {
      try {
        await unlockInvestigation(investigation, passphrase, () => cancelled.current);
      } catch (failure) {
        if (!(failure instanceof UnlockCancelled)) throw failure;
      }
    }).finally(() => setBusy(false));
  };

  return (
    <section className="locked-panel stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>This investigation is locked</h2>
      <p className="hint">
        Its contents are encrypted on this computer. Enter its passphrase to open it for this
        session; it locks again after{' '}
        {investigation.lock ? `${investigation.lock.idleMinutes} minutes` : 'a while'} without use
        and when the app closes.
      </p>
      <form className="stack" onSubmit={onSubmit}>
        <label htmlFor={`${id}-passphrase`}>Passphrase</label>
        <input
          id={`${id}-passphrase`}
          type="password"
          autoComplete="current-password"
          autoFocus
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
        />
        <ErrorMessage error={error} />
        <div className="dialog-actions">
          {busy && (
            <button type="button" onClick={() => (cancelled.current = true)}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
      </form>
    </section>
  );
}
