import { useEffect, useRef, useState } from 'react';
import type { Investigation } from '#shared/investigation';
import { useInvestigations } from '../../case/investigations/useInvestigations';
import { measureInvestigations, type UsageRun } from '../../case/investigations/usageWorkerClient';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatBytes } from '../../ui/formatting';
import { useAction } from '../../ui/useAction';

type Measured = { investigation: Investigation; bytes: number }[];

/**
 * The space each investigation takes, measured when asked: the browser gives one figure for the
 * whole app, so each investigation's stored records are read (in a worker, with Cancel), which
 * takes a few seconds for a case of a million shipments.
 */
export function InvestigationSpace() {
  const investigations = useInvestigations();
  const [running, setRunning] = useState<UsageRun | null>(null);
  const [progress, setProgress] = useState<{ name: string; records: number } | null>(null);
  const [measured, setMeasured] = useState<Measured | null>(null);
  const { error, run } = useAction();
  const current = useRef<UsageRun | null>(null);
  // Leaving the page stops the reading.
  useEffect(() => () => current.current?.cancel(), []);

  if (!investigations || investigations.length === 0) return null;
  const measure = () =>
    void run(async () => {
      const listed = [...investigations];
      // Named from the list being measured: the live list may change meanwhile.
      const started = measureInvestigations(listed, (index, records) =>
        setProgress({ name: listed[index].name, records }),
      );
      current.current = started;
      setRunning(started);
      try {
        const sizes = await started.outcome;
        if (sizes)
          setMeasured(listed.map((investigation, at) => ({ investigation, bytes: sizes[at] })));
      } finally {
        current.current = null;
        setRunning(null);
        setProgress(null);
      }
    });

  return (
    <div className="investigation-space">
      <h3 id="space-title">Space each investigation uses</h3>
      {running ? (
        <div>
          <progress aria-label="Measuring the space each investigation uses" />
          <p role="status">
            {progress
              ? `Reading “${progress.name}”: ${progress.records.toLocaleString()} records…`
              : 'Starting…'}
          </p>
          <button type="button" onClick={() => running.cancel()}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" onClick={measure}>
          {measured ? 'Measure again' : 'Measure the space each investigation uses'}
        </button>
      )}
      <ErrorMessage error={error} />
      {measured && (
        <table className="data-table" aria-labelledby="space-title">
          <thead>
            <tr>
              <th scope="col">Investigation</th>
              <th scope="col" className="number">
                Stored data (about)
              </th>
            </tr>
          </thead>
          <tbody>
            {measured.map(({ investigation, bytes }) => (
              <tr key={investigation.id}>
                <th scope="row">{investigation.name}</th>
                <td className="number">{formatBytes(bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
