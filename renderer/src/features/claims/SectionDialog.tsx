import { useState, type FormEvent } from 'react';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';

/** Names a new section or renames one. */
export function SectionDialog(props: {
  title: string;
  initialName: string;
  submitLabel: string;
  onSubmit: (name: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [name, setName] = useState(props.initialName);
  const { error, run } = useAction();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => props.onSubmit(name)).then((done) => done && props.onClose());
  };
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form onSubmit={onSubmit} className="stack">
        <label htmlFor="section-name">Section name</label>
        <input
          id="section-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoFocus
        />
        <ErrorMessage error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            {props.submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
