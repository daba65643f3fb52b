/** The shipment engine loading: a labelled progress bar once there is progress to show. */
export function EngineProgressBar(props: {
  progress: { done: number; total: number } | null;
  label: string;
}) {
  const { progress } = props;
  return (
    <div aria-busy="true" className="engine-progress">
      <p>{props.label}</p>
      {progress && progress.total > 0 && (
        <progress
          aria-label={props.label}
          max={progress.total}
          value={Math.min(progress.done, progress.total)}
        />
      )}
    </div>
  );
}
