import { archiveWorker } from './archiveWorkerClient';

/**
 * The progress of work in the archive worker (a backup, a restore, a lock pass), with the button
 * that cancels it.
 */
export function ArchiveWorkProgress(props: {
  /** What is being done, e.g. "Writing the archive": the bar's name. */
  label: string;
  cancelLabel: string;
  done: number;
  total: number;
}) {
  return (
    <div role="status" className="engine-progress">
      <p>{props.label}…</p>
      <progress aria-label={props.label} max={Math.max(props.total, 1)} value={props.done} />
      <button type="button" onClick={() => void archiveWorker().cancel()}>
        {props.cancelLabel}
      </button>
    </div>
  );
}
