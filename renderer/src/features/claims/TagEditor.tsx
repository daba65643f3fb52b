import { useId, useState, type FormEvent } from 'react';
import { normaliseTag } from '#shared/claimFilter';

/** Free tags, with the investigation's tags offered as autocomplete (a native datalist). */
export function TagEditor(props: {
  tags: string[];
  knownTags: string[];
  onChange: (tags: string[]) => Promise<unknown>;
}) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    const tag = normaliseTag(draft);
    if (!tag) return;
    void props.onChange([...props.tags, tag]).then(() => setDraft(''));
  };
  return (
    <div className="tag-editor">
      <ul aria-label="Tags" className="tag-list">
        {props.tags.map((tag) => (
          <li key={tag} className="tag">
            {tag}
            <button
              type="button"
              className="tag-remove"
              aria-label={`Remove tag ${tag}`}
              onClick={() => void props.onChange(props.tags.filter((other) => other !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={onAdd} className="inline-form">
        <label htmlFor={`${listId}-input`}>Add tag</label>
        <input
          autoComplete="off"
          id={`${listId}-input`}
          list={listId}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          maxLength={80}
        />
        <datalist id={listId}>
          {props.knownTags
            .filter((tag) => !props.tags.includes(tag))
            .map((tag) => (
              <option key={tag} value={tag} />
            ))}
        </datalist>
        <button type="submit">Add</button>
      </form>
    </div>
  );
}
