import { useState } from 'react';
import {
  auditKindLabels,
  auditRow,
  emptyAuditFilter,
  filterAudit,
  type AuditFilter,
  type AuditKind,
} from '#shared/audit/auditLog';
import type { NameHit } from '#shared/redaction/nameCheck';
import { platform } from '../../app/platform';
import { useClaims } from '../../case/claims/useClaims';
import { auditFile, type AuditFormat } from '../../case/history/auditExport';
import { useAuditLog } from '../../case/history/useAuditLog';
import { useWithCase } from '../../case/useCase';
import { useTabView } from '../../case/views/useTabView';
import type { HistoryView } from '#shared/tabViews';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDateTime } from '../../ui/formatting';
import { useAction } from '../../ui/useAction';
import { NameCheckDialog } from '../dossier';

const PAGE = 500;

const formatLabels: Record<AuditFormat, string> = { csv: 'CSV', json: 'JSON' };

/**
 * The investigation's history: every change, export and name-check decision the audit log holds,
 * newest first, filtered by kind, claim and date, and exported as CSV or JSON (checked for
 * confidential names like every export).
 */
const freshView: HistoryView = { id: 'history', filter: emptyAuditFilter };

export function HistoryPage(props: { investigationName: string }) {
  const withCase = useWithCase();
  const log = useAuditLog();
  const claims = useClaims();
  const [view, setView] = useTabView<HistoryView>(freshView);
  const [shown, setShown] = useState(PAGE);
  const [blocked, setBlocked] = useState<{ hits: NameHit[]; format: AuditFormat } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { error, run } = useAction();
  if (!view || !log || !claims) return <p aria-busy="true">Loading the history…</p>;

  const { filter } = view;
  const entries = filterAudit(log.entries, filter);
  const rows = entries.map((entry) => auditRow(entry, log.label));
  const change = (changes: Partial<AuditFilter>) => {
    setView({ ...view, filter: { ...filter, ...changes } });
    setShown(PAGE);
  };
  const exportAs = async (format: AuditFormat) => {
    setSaved(null);
    const file = await withCase(auditFile, props.investigationName, rows, entries, format);
    if (file.check.blocking.length > 0) {
      setBlocked({ hits: file.check.blocking, format });
      return;
    }
    const name = await platform.saveFile({
      suggestedName: file.name,
      bytes: file.bytes,
      filters: [{ name: formatLabels[format], extensions: [format] }],
    });
    if (name !== null) setSaved(name);
  };

  return (
    <section className="history-page" aria-labelledby="history-title">
      <div className="list-header">
        <h2 id="history-title">History</h2>
        <span className="row-actions">
          {(['csv', 'json'] as const).map((format) => (
            <button key={format} type="button" onClick={() => void run(() => exportAs(format))}>
              Export as {formatLabels[format]}
            </button>
          ))}
        </span>
      </div>
      <p className="hint">
        Every change to this investigation, each export with its SHA-256, and each name-check
        decision, as the audit log recorded them. An export holds the entries shown; confidential
        sources’ names are replaced by their labels, as in a full dossier.
      </p>
      <div className="filters" role="group" aria-label="Filter the history">
        <label>
          <span>Kind</span>
          <select
            autoComplete="off"
            value={filter.kind}
            onChange={(event) => change({ kind: event.target.value as AuditKind | '' })}
          >
            <option value="">All kinds</option>
            {(Object.keys(auditKindLabels) as AuditKind[]).map((kind) => (
              <option key={kind} value={kind}>
                {auditKindLabels[kind]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Claim</span>
          <select
            autoComplete="off"
            value={filter.claimId}
            onChange={(event) => change({ claimId: event.target.value })}
          >
            <option value="">All claims</option>
            {claims.map((claim) => (
              <option key={claim.id} value={claim.id}>
                {claim.text.length > 80 ? `${claim.text.slice(0, 80)}…` : claim.text}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>From</span>
          <input
            autoComplete="off"
            type="date"
            value={filter.from}
            onChange={(event) => change({ from: event.target.value })}
          />
        </label>
        <label>
          <span>To</span>
          <input
            autoComplete="off"
            type="date"
            value={filter.to}
            onChange={(event) => change({ to: event.target.value })}
          />
        </label>
      </div>
      <p className="count" aria-live="polite">
        {entries.length === log.entries.length
          ? `${log.entries.length.toLocaleString()} entries`
          : `${entries.length.toLocaleString()} of ${log.entries.length.toLocaleString()} entries`}
      </p>
      {saved && <p role="status">Saved {saved}.</p>}
      <ErrorMessage error={error} />
      {/* Focusable, so that a keyboard can scroll it. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Audit log entries">
        <table className="compact" aria-label="Audit log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Kind</th>
              <th scope="col">Record</th>
              <th scope="col">Action</th>
              <th scope="col">Change</th>
              <th scope="col">Reason</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((row) => (
              <tr key={row.id}>
                <td className="nowrap">
                  <time dateTime={row.time}>{formatDateTime(Date.parse(row.time))}</time>
                </td>
                <td>{auditKindLabels[row.kind]}</td>
                <td className="record" title={row.record}>
                  <bdi>{row.record}</bdi>
                </td>
                <td>{row.action}</td>
                <td className="change">
                  <bdi>{row.change}</bdi>
                </td>
                <td className="change">
                  <bdi>{row.reason}</bdi>
                </td>
                <td>
                  <bdi>{row.by}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, rows.length - shown).toLocaleString()} more
        </button>
      )}
      {blocked && (
        <NameCheckDialog
          hits={blocked.hits}
          action="Export now"
          onClose={() => setBlocked(null)}
          onContinue={() => {
            const { format } = blocked;
            setBlocked(null);
            void run(() => exportAs(format));
          }}
        />
      )}
    </section>
  );
}
