import { useId } from 'react';
import { proposedVariants } from '#shared/text/nameMatching';

/**
 * “Also written as”: the other forms of a source's name, one a line (the surname alone, initials, a
 * nickname, another script), with the obvious ones proposed for the user to add. Each is redacted
 * like the name, however it is typed (see shared/text/nameMatching.ts).
 */
export function AliasFields(props: {
  name: string;
  aliases: string[];
  onChange: (aliases: string[]) => void;
}) {
  const id = useId();
  const declared = new Set(props.aliases.map((alias) => alias.trim().toLowerCase()));
  const proposals = proposedVariants(props.name).filter(
    (proposal) => !declared.has(proposal.toLowerCase()),
  );
  return (
    <div className="stack">
      <label htmlFor={`${id}-aliases`}>Also written as (one form a line)</label>
      <textarea
        id={`${id}-aliases`}
        autoComplete="off"
        rows={3}
        value={props.aliases.join('\n')}
        aria-describedby={`${id}-hint`}
        onChange={(event) => props.onChange(event.target.value.split('\n'))}
      />
      <p id={`${id}-hint`} className="hint">
        Every form is kept out of exports like the name itself.
      </p>
      {proposals.length > 0 && (
        <p className="row-actions" role="group" aria-label="Proposed forms">
          {proposals.map((proposal) => (
            <button
              key={proposal}
              type="button"
              onClick={() =>
                props.onChange([...props.aliases.filter((alias) => alias.trim()), proposal])
              }
            >
              Add “{proposal}”
            </button>
          ))}
        </p>
      )}
    </div>
  );
}
