import type { SanctionsSnapshot } from '#shared/sanctions/snapshot';

/** A choice among snapshots, each named by its file and date. */
export function SnapshotSelect(props: {
  label: string;
  snapshots: readonly SanctionsSnapshot[];
  value: string;
  onChange: (snapshotId: string) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        autoComplete="off"
      >
        {props.snapshots.map((snapshot) => (
          <option key={snapshot.id} value={snapshot.id}>
            {snapshot.fileName} of {snapshot.date}
          </option>
        ))}
      </select>
    </label>
  );
}
