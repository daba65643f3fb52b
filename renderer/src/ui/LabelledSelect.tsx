/** A labelled select over a fixed vocabulary, each value shown by its label. */
export function LabelledSelect<V extends string>(props: {
  label: string;
  value: V;
  options: readonly V[];
  labels: Record<V, string>;
  onChange: (value: V) => void;
}) {
  return (
    <label>
      <span>{props.label}</span>
      <select
        autoComplete="off"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as V)}
      >
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.labels[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
