import { ErrorMessage } from '../../ui/ErrorMessage';
import { cancelArchiveWork } from '../../case/archive/archiveWorkerClient';

/**
 * The foot of a dialog whose work runs in the archive worker (a backup, a restore, a lock):
 * its error, then either Cancel and the action, or, while the work runs, its progress with the
 * button that cancels it.
 */
export function ArchiveWorkFooter(props: {
  error: string | null;
  progress: { done: number; total: number } | null;
  /** What is being done, e.g. "Writing the archive": the progress bar's name. */
  label: string;
  cancelLabel: string;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { progress } = props;
  return (
    <>
      <ErrorMessage error={props.error} />
      {progress ? (
        <div role="status" className="engine-progress">
          <p>{props.label}…</p>
          <progress
            aria-label={props.label}
            max={Math.max(progress.total, 1)}
            value={progress.done}
          />
          <button type="button" onClick={cancelArchiveWork}>
            {props.cancelLabel}
          </button>
        </div>
      ) : (
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary">
            {props.submitLabel}
          </button>
        </div>
      )}
    </>
  );
}
