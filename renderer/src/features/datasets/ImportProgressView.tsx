import type { ImportProgress } from '../../case/datasets/importWorkerClient';

export function ImportProgressView(props: {
  progress: ImportProgress | null;
  totalBytes: number;
  onCancel: () => void;
}) {
  const { progress } = props;
  return (
    <div className="stack">
      <progress
        aria-label="Import progress"
        max={props.totalBytes}
        value={progress?.bytesRead ?? 0}
      />
      <p aria-live="polite">
        {progress
          ? `${progress.records.toLocaleString()} rows read · ${progress.rowsPerSecond.toLocaleString()} rows/s`
          : 'Starting…'}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel import
        </button>
      </div>
    </div>
  );
}
