import { useId, useState } from 'react';
import { FormDialog } from './FormDialog';

/** Asks for one name: a new section's, or a new name for a section or an investigation. */
export function NameDialog(props: {
  title: string;
  label: string;
  initialName: string;
  submitLabel: string;
  maxLength?: number;
  onSubmit: (name: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [name, setName] = useState(props.initialName);
  const id = useId();
  return (
    <FormDialog
      title={props.title}
      submitLabel={props.submitLabel}
      onSubmit={() => props.onSubmit(name)}
      onClose={props.onClose}
    >
      <label htmlFor={id}>{props.label}</label>
      <input
        autoComplete="off"
        id={id}
        value={name}
        maxLength={props.maxLength}
        onChange={(event) => setName(event.target.value)}
        autoFocus
      />
    </FormDialog>
  );
}
