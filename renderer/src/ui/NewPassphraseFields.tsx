import { useEffect, useId, useState } from 'react';
import { passphraseStrength, type PassphraseStrength } from '../lib/passphraseStrength';

/** The strength of what is typed, estimated as it changes (none for an empty field). */
function useStrength(passphrase: string): PassphraseStrength | null {
  const [estimate, setEstimate] = useState<{ of: string; strength: PassphraseStrength } | null>(
    null,
  );
  useEffect(() => {
    if (!passphrase) return undefined;
    let live = true;
    void passphraseStrength(passphrase).then(
      (strength) => live && setEstimate({ of: passphrase, strength }),
    );
    return () => {
      live = false;
    };
  }, [passphrase]);
  return passphrase && estimate?.of === passphrase ? estimate.strength : null;
}

/** A new passphrase, typed twice (the two are compared by the caller), with its estimated strength. */
export function NewPassphraseFields(props: {
  label: string;
  passphrase: string;
  repeat: string;
  onPassphrase: (value: string) => void;
  onRepeat: (value: string) => void;
}) {
  const id = useId();
  const strength = useStrength(props.passphrase);
  return (
    <>
      <label htmlFor={`${id}-passphrase`}>{props.label}</label>
      <input
        id={`${id}-passphrase`}
        type="password"
        autoComplete="new-password"
        aria-describedby={`${id}-strength`}
        value={props.passphrase}
        onChange={(event) => props.onPassphrase(event.target.value)}
      />
      <p id={`${id}-strength`} className="hint small" role="status">
        {strength &&
          `Estimated strength: ${strength.label}. Guessing it offline at 10,000 tries a second: ${strength.offlineTime}.${
            strength.warning ? ` ${strength.warning}` : ''
          }`}
      </p>
      <label htmlFor={`${id}-repeat`}>Passphrase again</label>
      <input
        id={`${id}-repeat`}
        type="password"
        autoComplete="new-password"
        value={props.repeat}
        onChange={(event) => props.onRepeat(event.target.value)}
      />
    </>
  );
}
