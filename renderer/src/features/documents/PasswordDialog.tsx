import { useState } from 'react';
import { FormDialog } from '../../ui/FormDialog';

/** Asks for a PDF's password; the password is kept in memory for this session only. */
export function PasswordDialog(props: {
  fileName: string;
  onSubmit: (password: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [password, setPassword] = useState('');
  return (
    <FormDialog
      title={`Password for ${props.fileName}`}
      submitLabel="Open"
      onSubmit={() => props.onSubmit(password)}
      onClose={props.onClose}
    >
      <p>
        This PDF is protected by a password. Waybill keeps the password only until the app closes;
        it is never stored.
      </p>
      <label htmlFor="pdf-password">Password</label>
      <input
        id="pdf-password"
        type="password"
        autoComplete="off"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        autoFocus
      />
    </FormDialog>
  );
}
