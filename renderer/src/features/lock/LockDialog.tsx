import { useState, type FormEvent } from 'react';
import type { Investigation } from '#shared/investigation';
import { Dialog } from '../../ui/Dialog';
import { LabelledSelect } from '../../ui/LabelledSelect';
import { NewPassphraseFields } from '../../ui/NewPassphraseFields';
import { passphraseProblem } from '#shared/passphraseRules';
import { IDLE_CHOICES, turnLockOn } from './lockMutations';
import { readableWhileLocked } from './readableWhileLocked';
import { ArchiveWorkFooter } from '../archive';
import { usePass } from './usePass';

const idleOptions = IDLE_CHOICES.map(String) as IdleChoice[];
type IdleChoice = `${(typeof IDLE_CHOICES)[number]}`;
const idleLabels = Object.fromEntries(
  idleOptions.map((minutes) => [minutes, `${minutes} minutes`]),
) as Record<IdleChoice, string>;

/**
 * Turns the lock on: what the case contains is encrypted at rest under a passphrase, after the
 * user has read that a forgotten one cannot be recovered.
 */
export function LockDialog(props: { investigation: Investigation; onClose: () => void }) {
  const { investigation } = props;
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [idleMinutes, setIdleMinutes] = useState<IdleChoice>('15');
  const [understood, setUnderstood] = useState(false);
  const { progress, error, setError, close, start } = usePass(props.onClose);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problem =
      passphraseProblem(passphrase, repeat) ??
      (understood ? null : 'Tick the box to confirm that a forgotten passphrase is the end of it.');
    if (problem) return setError(problem);
    start(() => turnLockOn(investigation, passphrase, Number(idleMinutes)));
  };

  return (
    <Dialog title={`Lock “${investigation.name}”`} onClose={close}>
      <form className="stack" onSubmit={onSubmit}>
        <p className="hint">
          Everything in a case (claims, notes and their sources, excerpts and page texts, entities,
          history, shipments and the original files) is stored encrypted on this computer. Locking
          puts its key under the passphrase and deletes the stored copy: the case shows nothing
          until it is unlocked with the passphrase, and locks again when the app closes or after the
          idle time below.
        </p>
        <details>
          <summary>What stays readable without the passphrase</summary>
          <p>
            In the list: the investigation’s name, notice and dates, and its idle time. In its
            files, for each part, how many records it holds and:
          </p>
          <ul aria-label="Readable while locked">
            {readableWhileLocked().map(({ part, clear, shared }) => (
              <li key={part}>
                <strong>{part}</strong>:{' '}
                {[
                  ...clear,
                  ...shared.map((field) => `which have the same ${field} (not what it is)`),
                ].join(', ') || 'nothing more'}
              </li>
            ))}
          </ul>
        </details>
        <p className="notice" role="note">
          The passphrase is not kept anywhere. If it is forgotten, nobody can recover this case: not
          you, not Waybill. Keep an archive (Back up) in a safe place as well.
        </p>
        <NewPassphraseFields
          label="Passphrase (at least 8 characters)"
          passphrase={passphrase}
          repeat={repeat}
          onPassphrase={setPassphrase}
          onRepeat={setRepeat}
        />
        <LabelledSelect
          label="Lock again after this long without use"
          value={idleMinutes}
          onChange={setIdleMinutes}
          options={idleOptions}
          labels={idleLabels}
        />
        <label className="checkbox-line">
          <input
            autoComplete="off"
            type="checkbox"
            checked={understood}
            onChange={(event) => setUnderstood(event.target.checked)}
          />
          I understand that a forgotten passphrase cannot be recovered
        </label>
        <ArchiveWorkFooter
          error={error}
          progress={progress}
          label="Locking the investigation"
          cancelLabel="Cancel"
          submitLabel="Lock"
          onCancel={props.onClose}
        />
      </form>
    </Dialog>
  );
}
