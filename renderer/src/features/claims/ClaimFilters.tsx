import type { Ref } from 'react';
import type { ClaimFilter } from '#shared/claimFilter';
import type { Status } from '#shared/investigation';

export function ClaimFilters({
  filter,
  onChange,
  statuses,
  tags,
  ref,
}: {
  filter: ClaimFilter;
  onChange: (filter: ClaimFilter) => void;
  statuses: Status[];
  tags: string[];
  /** The search box, so that the / shortcut can focus it. */
  ref: Ref<HTMLInputElement>;
}) {
  return (
    <div className="filters" role="search" aria-label="Filter claims">
      <label>
        <span>Search claims</span>
        <input
          autoComplete="off"
          ref={ref}
          type="search"
          value={filter.text}
          onChange={(event) => onChange({ ...filter, text: event.target.value })}
          placeholder="Words in the text or tags  ( / )"
        />
      </label>
      <label>
        <span>Filter by status</span>
        <select
          autoComplete="off"
          value={filter.statusId}
          onChange={(event) => onChange({ ...filter, statusId: event.target.value })}
        >
          <option value="">Any status</option>
          {statuses.map((status) => (
            <option key={status.id} value={status.id}>
              {status.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Filter by tag</span>
        <select
          autoComplete="off"
          value={filter.tag}
          onChange={(event) => onChange({ ...filter, tag: event.target.value })}
        >
          <option value="">Any tag</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
