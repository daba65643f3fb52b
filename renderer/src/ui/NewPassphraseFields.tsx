import { useId } from 'react';

/** A new passphrase, typed twice (the two are compared by the caller). */
export function NewPassphraseFields(props: {
  label: string;
  passphrase: string;
  repeat: string;
  onPassphrase: (value: string) => void;
  onRepeat: (value: string) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-passphrase`}>{props.label}</label>
      <input
        id={`${id}-passphrase`}
        type="password"
        autoComplete="new-password"
        value={props.passphrase}
        onChange={(event) => props.onPassphrase(event.target.value)}
      />
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
