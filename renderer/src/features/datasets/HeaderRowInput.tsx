import { useState } from 'react';

/** The header's row, detected and shown; a typed row applies when the field is left or Enter pressed. */
export function HeaderRowInput(props: { line: number; onChange: (line: number) => void }) {
  const [draft, setDraft] = useState(String(props.line));
  const commit = () => {
    const line = Number(draft);
    if (Number.isInteger(line) && line >= 1 && line !== props.line) props.onChange(line);
    else setDraft(String(props.line));
  };
  return (
    <label>
      <span>Header row</span>
      <input
        autoComplete="off"
        type="number"
        min={1}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
      />
      <small>rows above it are skipped as titles</small>
    </label>
  );
}
