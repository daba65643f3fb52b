import { useState, type ReactNode } from 'react';
import type { LocatedText, NameHit } from '#shared/redaction/nameCheck';
import { platform } from '../../app/platform';
import { checkFileForNames } from '../../case/exports/nameClearances';
import { useWithCase, type WithCase } from '../../case/useCase';
import { NameCheckDialog } from './NameCheckDialog';

/** A CSV file to save, with where each text checked for confidential names comes from. */
type CheckedCsv = {
  file: { name: string; bytes: Uint8Array };
  located: readonly LocatedText[];
};

type Prepare = () => CheckedCsv | null | Promise<CheckedCsv | null>;

/** Saves the CSV once the confidential-name check finds nothing blocking in it; else what blocks it. */
async function saveCheckedCsv(withCase: WithCase, csv: CheckedCsv): Promise<NameHit[] | null> {
  const check = await withCase(checkFileForNames, csv.file, csv.located);
  if (check.blocking.length > 0) return check.blocking;
  await platform.saveFile({
    suggestedName: csv.file.name,
    bytes: csv.file.bytes,
    filters: [{ name: 'CSV', extensions: ['csv'] }],
  });
  return null;
}

/**
 * A CSV export checked like any export: `exportCsv(prepare)` (through the caller's `run`, which
 * shows its errors) prepares the file, and saves it when no confidential name blocks it. Else
 * `dialog` shows what blocks it, and its "Export now" prepares and checks the file again once the
 * hits are cleared. `prepare` returns null when there is nothing to export.
 */
export function useCheckedCsvExport(run: (action: () => Promise<unknown>) => Promise<unknown>): {
  exportCsv: (prepare: Prepare) => void;
  dialog: ReactNode;
} {
  const withCase = useWithCase();
  const [blocked, setBlocked] = useState<{ hits: NameHit[]; again: () => void } | null>(null);
  const exportCsv = (prepare: Prepare) =>
    void run(async () => {
      const csv = await prepare();
      const hits = csv && (await saveCheckedCsv(withCase, csv));
      setBlocked(hits && { hits, again: () => exportCsv(prepare) });
    });
  const dialog = blocked && (
    <NameCheckDialog
      hits={blocked.hits}
      action="Export now"
      onClose={() => setBlocked(null)}
      onContinue={() => {
        setBlocked(null);
        blocked.again();
      }}
    />
  );
  return { exportCsv, dialog };
}
