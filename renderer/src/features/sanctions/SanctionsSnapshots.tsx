import { useId, useState } from 'react';
import type { SanctionsSnapshot } from '#shared/sanctions/snapshot';
import {
  cancelSnapshotImport,
  importSnapshotFile,
  useSnapshots,
  type SnapshotImportProgress,
} from '../../case/sanctions/snapshots';
import { RemoveSnapshotDialog } from './RemoveSnapshotDialog';
import { formatBytes, plural } from '../../ui/formatting';

/**
 * Sanctions lists: snapshots in FollowTheMoney JSON lines (OpenSanctions' entities.ftm.json or
 * targets.nested.json), imported from a file into the app's reference database, listed with their
 * date, hash and what was read, and removed.
 */
export function SanctionsSnapshots() {
  const snapshots = useSnapshots();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  /** Changed to clear the file field once its file is imported. */
  const [fileField, setFileField] = useState(0);
  const [source, setSource] = useState('OpenSanctions');
  const [date, setDate] = useState('');
  const [progress, setProgress] = useState<SnapshotImportProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);
  const [removing, setRemoving] = useState<SanctionsSnapshot | null>(null);

  const start = async () => {
    if (!file) return;
    setRunning(true);
    setSaid(null);
    setProgress(null);
    const result = await importSnapshotFile(file, { source, date: date || null }, setProgress);
    setRunning(false);
    if (result.ok) {
      const snapshot = result.value;
      setSaid({
        text: `Imported ${snapshot.fileName}: ${plural(snapshot.targets, 'listed party', 'listed parties')}, ${plural(snapshot.designations, 'designation', 'designations')}${snapshot.problemCount > 0 ? `; ${plural(snapshot.problemCount, 'line', 'lines')} could not be read (listed below)` : ''}.`,
        error: false,
      });
      setFile(null);
      setFileField((count) => count + 1);
    } else setSaid({ text: result.message, error: !result.cancelled });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="card stack">
      <h2 id={`${id}-title`}>Sanctions lists</h2>
      <p className="hint">
        Snapshots of consolidated sanctions lists, as OpenSanctions publishes them in FollowTheMoney
        JSON lines (<code>entities.ftm.json</code> or <code>targets.nested.json</code>). They are
        public data: kept once for every investigation, unencrypted, in a database of their own.
        Nothing is looked up online.
      </p>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <label htmlFor={`${id}-file`}>Snapshot file</label>
        <input
          key={fileField}
          id={`${id}-file`}
          type="file"
          accept=".json,.jsonl,.ftm.json,application/json"
          autoComplete="off"
          disabled={running}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <label htmlFor={`${id}-source`}>Published by</label>
        <input
          id={`${id}-source`}
          value={source}
          autoComplete="off"
          maxLength={200}
          disabled={running}
          onChange={(event) => setSource(event.target.value)}
        />
        <label htmlFor={`${id}-date`}>Snapshot date (leave empty to take it from the file)</label>
        <input
          id={`${id}-date`}
          type="date"
          value={date}
          autoComplete="off"
          disabled={running}
          onChange={(event) => setDate(event.target.value)}
        />
        <div className="row-actions">
          <button type="submit" className="primary" disabled={!file || running}>
            Import snapshot
          </button>
          {running && (
            <button type="button" onClick={cancelSnapshotImport}>
              Cancel import
            </button>
          )}
        </div>
        {running && (
          <>
            <progress
              aria-label="Snapshot import progress"
              max={file?.size ?? 1}
              value={progress?.bytesRead ?? 0}
            />
            <p aria-live="polite">
              {progress
                ? `${formatBytes(progress.bytesRead)} of ${formatBytes(file?.size ?? 0)} read · ${plural(progress.targets, 'listed party', 'listed parties')}`
                : 'Starting…'}
            </p>
          </>
        )}
        {said && (
          <p role={said.error ? 'alert' : 'status'} className={said.error ? 'error' : undefined}>
            {said.text}
          </p>
        )}
      </form>
      {snapshots === undefined ? null : snapshots.length === 0 ? (
        <p>No sanctions snapshot is imported yet.</p>
      ) : (
        <ul aria-label="Sanctions snapshots" className="stack">
          {snapshots.map((snapshot) => (
            <li key={snapshot.id}>
              <SnapshotFacts snapshot={snapshot} />
              <button
                type="button"
                aria-label={`Remove the snapshot ${snapshot.fileName} of ${snapshot.date}`}
                onClick={() => setRemoving(snapshot)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {removing && <RemoveSnapshotDialog snapshot={removing} onClose={() => setRemoving(null)} />}
    </section>
  );
}

function SnapshotFacts({ snapshot }: { snapshot: SanctionsSnapshot }) {
  return (
    <div>
      <strong>{snapshot.fileName}</strong>, {snapshot.source || 'publisher not given'}, dated{' '}
      {snapshot.date} ({snapshot.dateFrom === 'given' ? 'as given' : 'from the file'})
      <dl className="facts">
        <dt>Listed parties</dt>
        <dd>{snapshot.targets.toLocaleString('en')}</dd>
        <dt>Designations</dt>
        <dd>{snapshot.designations.toLocaleString('en')}</dd>
        <dt>Size</dt>
        <dd>{formatBytes(snapshot.bytes)}</dd>
        <dt>SHA-256</dt>
        <dd>
          <code className="hash">{snapshot.sha256}</code>
        </dd>
        <dt>Imported</dt>
        <dd>{new Date(snapshot.importedAt).toLocaleString()}</dd>
      </dl>
      {snapshot.problemCount > 0 && (
        <details>
          <summary>
            {plural(snapshot.problemCount, 'line', 'lines')} could not be read
            {snapshot.problems.length < snapshot.problemCount
              ? ` (the first ${snapshot.problems.length} listed)`
              : ''}
          </summary>
          <ul aria-label={`Lines of ${snapshot.fileName} that could not be read`}>
            {snapshot.problems.map((problem) => (
              <li key={problem.line}>
                Line {problem.line}: {problem.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {snapshot.unmatchedSanctions > 0 && (
        <p className="hint">
          {plural(snapshot.unmatchedSanctions, 'sanction names', 'sanctions name')} a party the file
          does not give.
        </p>
      )}
    </div>
  );
}
