import type { Status } from '#shared/investigation';

export function StatusBadge({ status }: { status: Status | undefined }) {
  if (!status) return <span className="badge">Unknown status</span>;
  return (
    <span className="badge" style={{ borderColor: status.color }}>
      <span className="badge-dot" style={{ backgroundColor: status.color }} aria-hidden="true" />
      {status.name}
    </span>
  );
}
