import type { Section } from '#shared/investigation';

export function SectionHeader(props: {
  section: Section;
  headingId: string;
  count: number;
  isFirst: boolean;
  isLast: boolean;
  onRename: () => void;
  onMove: (direction: 'up' | 'down') => void;
  onDelete: () => void;
}) {
  const { section } = props;
  return (
    <div className="section-header">
      <h3 id={props.headingId}>
        {section.name} <span className="count">({props.count})</span>
      </h3>
      <span className="row-actions">
        <button
          type="button"
          onClick={props.onRename}
          aria-label={`Rename section ${section.name}`}
        >
          Rename
        </button>
        <button
          type="button"
          onClick={() => props.onMove('up')}
          disabled={props.isFirst}
          aria-label={`Move section ${section.name} up`}
        >
          ↑
        </button>
        <button
          type="button"
          onClick={() => props.onMove('down')}
          disabled={props.isLast}
          aria-label={`Move section ${section.name} down`}
        >
          ↓
        </button>
        <button
          type="button"
          className="danger"
          onClick={props.onDelete}
          aria-label={`Delete section ${section.name}`}
        >
          Delete
        </button>
      </span>
    </div>
  );
}
