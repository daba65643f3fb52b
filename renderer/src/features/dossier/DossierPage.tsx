import { useEffect, useRef, useState } from 'react';
import { renderHtml } from '#shared/dossier/html';
import { profileLabels, type ClaimSelection, type DossierProfile } from '#shared/dossier/model';
import type { Investigation } from '#shared/investigation';
import type { NameHit } from '#shared/redaction/nameCheck';
import { platform } from '../../app/platform';
import { useWithCase } from '../../case/useCase';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDateTime } from '../../ui/formatting';
import { LabelledSelect } from '../../ui/LabelledSelect';
import { useClaims } from '../../case/claims/useClaims';
import { EngineProgressBar } from '../../ui/EngineProgressBar';
import { useShipmentEngine } from '../../case/shipments/useShipmentEngine';
import { useStatuses } from '../../case/statuses/useStatuses';
import { clearedNameKeys } from '../../case/exports/nameClearances';
import { ClaimSelectionFields } from './ClaimSelectionFields';
import type { DossierRecords } from './collectDossierInput';
import {
  checkExport,
  exportBytes,
  exportFormatLabels,
  exportFormats,
  prepareDossier,
  previewDossier,
  renderFiles,
  saveExport,
  type ExportFormat,
  type PreparedDossier,
} from './dossierExport';
import { NameCheckDialog } from './NameCheckDialog';
import { useDossierRecords, useEarlierExports } from './useDossierRecords';
import { messageOf } from '../../lib/errorMessage';

type Built = { key: string; records: DossierRecords; prepared: PreparedDossier; html: string };
/** What the name check stopped, and how to go on once it is cleared. */
type Blocked = { hits: NameHit[]; action: string; again: () => void };
type Exporting = { format: ExportFormat; controller: AbortController };

/**
 * Choose what goes in, see exactly what will be exported (the export's own HTML, previewed), and
 * export it in any format; each export's SHA-256 is shown and kept in the audit log.
 */
export function DossierPage(props: { investigation: Investigation }) {
  const withCase = useWithCase();
  const { investigation } = props;
  const { engine, progress } = useShipmentEngine();
  const statuses = useStatuses();
  const claims = useClaims();
  // The preview watches every record it is built from: any change to one of them rebuilds it.
  const records = useDossierRecords();
  const [profile, setProfile] = useState<DossierProfile>('full');
  const [selection, setSelection] = useState<ClaimSelection>({ kind: 'all' });
  const [built, setBuilt] = useState<Built | null>(null);
  const [format, setFormat] = useState<ExportFormat>('package');
  const [exporting, setExporting] = useState<Exporting | null>(null);
  const [saved, setSaved] = useState<{ name: string; sha256: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<Blocked | null>(null);
  const preview = useRef<HTMLIFrameElement>(null);
  const earlier = useEarlierExports();
  const key = `${engine?.key ?? ''}#${profile}#${JSON.stringify(selection)}`;

  useEffect(() => {
    if (!engine || records === undefined) return undefined;
    let live = true;
    const timer = window.setTimeout(() => {
      void previewDossier(records, investigation, { profile, selection }).then(
        (prepared) =>
          live && setBuilt({ key, records, prepared, html: renderHtml(prepared.dossier) }),
        (caught: unknown) => live && setError(String(caught)),
      );
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [investigation, engine, records, profile, selection, key]);

  const exportNow = async () => {
    const controller = new AbortController();
    setExporting({ format, controller });
    setSaved(null);
    setError(null);
    try {
      // Exported from data read now, not from the preview: the export is what is stored this moment.
      const prepared = await withCase(prepareDossier, investigation, { profile, selection });
      controller.signal.throwIfAborted();
      const files = await renderFiles(prepared.dossier, format, controller.signal);
      controller.signal.throwIfAborted();
      // Checked as it will be written; nothing is saved while a hit stands.
      const check = checkExport(prepared, files, await withCase(clearedNameKeys));
      if (check.blocking.length > 0) {
        setBlocked({
          hits: check.blocking,
          action: 'Export now',
          again: () => void exportNow(),
        });
        return;
      }
      const bytes = exportBytes(prepared.dossier, format, files, check);
      setSaved(await withCase(saveExport, prepared.dossier, format, bytes, check));
    } catch (caught) {
      if (!controller.signal.aborted) setError(messageOf(caught));
    } finally {
      setExporting(null);
    }
  };

  /** Printing hands the preview's HTML to the browser: it is checked like any export first. */
  const printNow = async (shown: Built) => {
    const html = { name: 'dossier.html', bytes: new TextEncoder().encode(shown.html) };
    const check = checkExport(shown.prepared, [html], await withCase(clearedNameKeys));
    if (check.blocking.length > 0)
      setBlocked({ hits: check.blocking, action: 'Print now', again: () => void printNow(shown) });
    else preview.current?.contentWindow?.print();
  };

  if (!statuses || !claims) return <p aria-busy="true">Loading…</p>;
  const formats =
    platform.kind === 'electron' ? exportFormats : exportFormats.filter((entry) => entry !== 'pdf');
  return (
    <section className="dossier" aria-labelledby="dossier-title">
      <div className="dossier-options">
        <h2 id="dossier-title">Dossier</h2>
        <LabelledSelect
          label="Profile"
          value={profile}
          options={['full', 'publication'] as const}
          labels={profileLabels}
          onChange={setProfile}
        />
        <p className="hint small">
          {profile === 'full'
            ? 'Every chosen claim with its status, reason, comments and citations. Background sources by name; confidential sources only by a label.'
            : 'Publishable claims only, without reasons and comments. Background sources by their attribution; confidential sources only by a label.'}
        </p>
        <ClaimSelectionFields
          selection={selection}
          onChange={setSelection}
          statuses={statuses}
          claims={claims}
        />
        <LabelledSelect
          label="Format"
          value={format}
          options={formats}
          labels={exportFormatLabels}
          onChange={setFormat}
        />
        {platform.kind === 'browser' && (
          <p className="hint small">
            In browser mode the PDF comes from printing the preview (Print / Save as PDF); the
            package says so in its manifest.
          </p>
        )}
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={!built || exporting !== null}
            onClick={() => void exportNow()}
          >
            Export
          </button>
          {platform.kind === 'browser' && (
            <button type="button" disabled={!built} onClick={() => built && void printNow(built)}>
              Print / Save as PDF
            </button>
          )}
        </div>
        {exporting && (
          <div role="status" className="engine-progress">
            <p>Exporting {exportFormatLabels[exporting.format]}…</p>
            <progress aria-label="Exporting the dossier" />
            <button type="button" onClick={() => exporting.controller.abort()}>
              Cancel export
            </button>
          </div>
        )}
        {saved && (
          <p role="status" className="saved-export">
            Saved <strong>{saved.name}</strong>. SHA-256:{' '}
            <span className="hash">{saved.sha256}</span>
          </p>
        )}
        <ErrorMessage error={error} />
        {blocked && (
          <NameCheckDialog
            hits={blocked.hits}
            action={blocked.action}
            onClose={() => setBlocked(null)}
            onContinue={() => {
              setBlocked(null);
              blocked.again();
            }}
          />
        )}
        {earlier && earlier.length > 0 && (
          <details className="earlier-exports">
            <summary>Earlier exports ({earlier.length})</summary>
            <ul aria-label="Earlier exports">
              {[...earlier].reverse().map((entry) => (
                <li key={entry.id}>
                  {entry.recordId} · {formatDateTime(entry.at)} ·{' '}
                  <span className="hash">
                    {typeof entry.after?.sha256 === 'string' ? entry.after.sha256 : ''}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <div className="dossier-preview">
        {!engine && <EngineProgressBar progress={progress} label="Loading shipments…" />}
        {built && (
          <>
            <p className="hint small" role="status" aria-label="Preview summary">
              Preview: {built.prepared.dossier.cover.claims} claims,{' '}
              {built.prepared.dossier.cover.citations} citations
              {built.key !== key || built.records !== records ? ' (updating…)' : ''}
            </p>
            <iframe
              ref={preview}
              title="Dossier preview"
              sandbox="allow-same-origin allow-modals"
              srcDoc={built.html}
            />
          </>
        )}
      </div>
    </section>
  );
}
