import { useId } from 'react';
import { hasInvisibles, showInvisibles } from '#shared/text/bidi';
import { confidentialities, confidentialityLabels, type SourceDraft } from '#shared/notes/source';
import { LabelledSelect } from '../../ui/LabelledSelect';
import { AliasFields } from './AliasFields';

/** A source's fields: its name, affiliation, how it may be named, and the other forms of its name. */
export function SourceFields(props: {
  source: SourceDraft;
  onChange: (source: SourceDraft) => void;
}) {
  const id = useId();
  const { source } = props;
  const set = (changes: Partial<SourceDraft>) => props.onChange({ ...source, ...changes });
  return (
    <>
      <div className="field-grid">
        <label>
          <span>Source name</span>
          <input
            autoComplete="off"
            value={source.name}
            aria-describedby={hasInvisibles(source.name) ? `${id}-invisibles` : undefined}
            onChange={(event) => set({ name: event.target.value })}
          />
          {hasInvisibles(source.name) && (
            <span id={`${id}-invisibles`} className="hint">
              Holds characters that show nothing (a pasted name often does):{' '}
              <bdi>{showInvisibles(source.name)}</bdi>
            </span>
          )}
        </label>
        <label>
          <span>Role or affiliation</span>
          <input
            autoComplete="off"
            value={source.affiliation}
            onChange={(event) => set({ affiliation: event.target.value })}
          />
        </label>
        <LabelledSelect
          label="Confidentiality"
          value={source.confidentiality}
          options={confidentialities}
          labels={confidentialityLabels}
          onChange={(confidentiality) => set({ confidentiality })}
        />
        {source.confidentiality === 'background' && (
          <label>
            <span>Attribution (used instead of the name)</span>
            <input
              autoComplete="off"
              value={source.attribution}
              placeholder="e.g. a Western official"
              onChange={(event) => set({ attribution: event.target.value })}
            />
          </label>
        )}
      </div>
      {source.confidentiality !== 'on-record' && (
        <AliasFields
          name={source.name}
          aliases={source.aliases}
          onChange={(aliases) => set({ aliases })}
        />
      )}
    </>
  );
}
