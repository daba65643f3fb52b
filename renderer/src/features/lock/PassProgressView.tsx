import { archiveWorker } from '../archive/archiveWorkerClient';

/** The progress of a lock or unlock pass, with its cancel button. */
export function PassProgressView(props: { label: string; done: number; total: number }) {
  return (
    <div role="status" className="engine-progress">
      <p>{props.label}…</p>
      <progress aria-label={props.label} max={Math.max(props.total, 1)} value={props.done} />
      <button type="button" onClick={() => void archiveWorker().cancel()}>
        Cancel
      </button>
    </div>
  );
}
