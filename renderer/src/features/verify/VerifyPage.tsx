import { useId, useRef, useState } from 'react';
import type { Finding } from '#shared/dossier/verify';
import {
  verifyInWorker,
  type VerifyOutcome,
  type VerifyRun,
} from '../../case/verify/verifyWorkerClient';
import { plural } from '../../ui/formatting';

function Findings(props: { title: string; findings: readonly Finding[] }) {
  if (props.findings.length === 0) return null;
  return (
    <section aria-label={props.title}>
      <h3>
        {props.title} ({props.findings.length})
      </h3>
      <ul>
        {props.findings.map((finding, index) => (
          <li key={index}>
            <strong>
              <bdi>{finding.where}</bdi>
            </strong>
            : <bdi>{finding.message}</bdi>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * "Verify a dossier": checks a dossier package, and optionally the original files it cites, as
 * `npm run verify` does, without opening any investigation. The files are read, never stored.
 */
export function VerifyPage() {
  const id = useId();
  const [pkg, setPkg] = useState<File | null>(null);
  const [originals, setOriginals] = useState<File[]>([]);
  const [outcome, setOutcome] = useState<(VerifyOutcome & { name: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef<VerifyRun | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    if (!pkg) return setError('Choose the dossier package (.zip) to verify.');
    setError(null);
    setOutcome(null);
    setBusy(true);
    const run = verifyInWorker(pkg, originals);
    running.current = run;
    try {
      const result = await run.outcome;
      if (result) setOutcome({ ...result, name: pkg.name });
    } catch (failure) {
      setError(`${pkg.name} could not be verified: ${(failure as Error).message}`);
    } finally {
      running.current = null;
      setBusy(false);
    }
  };

  const report = outcome && 'report' in outcome ? outcome.report : null;
  return (
    <section className="page stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Verify a dossier</h2>
      <p className="hint">
        Checks a dossier package as anyone can without Waybill: every file against its manifest, the
        readable formats against dossier.json, every figure against the rows it is computed from,
        every match against the stated rule and, with the original customs files, every row’s cells
        at its line. Nothing you choose here is stored.
      </p>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void verify();
        }}
      >
        <label htmlFor={`${id}-package`}>Dossier package (.zip)</label>
        <input
          id={`${id}-package`}
          type="file"
          accept=".zip,application/zip"
          autoComplete="off"
          onChange={(event) => setPkg(event.target.files?.[0] ?? null)}
        />
        <label htmlFor={`${id}-originals`}>Original customs files (optional)</label>
        <input
          id={`${id}-originals`}
          type="file"
          multiple
          autoComplete="off"
          onChange={(event) => setOriginals([...(event.target.files ?? [])])}
        />
        <div className="row-actions">
          <button type="submit" className="primary" disabled={busy}>
            Verify
          </button>
          {busy && (
            <button type="button" onClick={() => running.current?.cancel()}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {busy && <progress aria-label="Verifying the dossier" />}
      {error && <p role="alert">{error}</p>}
      {outcome && 'unreadable' in outcome && (
        <p role="alert">
          {outcome.name} cannot be verified: {outcome.unreadable}.
        </p>
      )}
      {report && (
        <>
          <p role="status" aria-label="Verification result">
            <bdi>{outcome?.name}</bdi>: {report.checks} checks,{' '}
            <strong>
              {report.mismatches.length === 0
                ? 'no mismatch'
                : plural(report.mismatches.length, 'mismatch', 'mismatches')}
            </strong>
            , {report.redacted.length} redacted.
          </p>
          <Findings title="Mismatches" findings={report.mismatches} />
          <Findings title="Redacted in cited evidence" findings={report.redacted} />
          {report.limits.length > 0 && (
            <section aria-label="Not checked">
              <h3>Not checked</h3>
              <ul>
                {report.limits.map((limit) => (
                  <li key={limit}>{limit}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}
