import { useState } from 'react';
import { platform } from '../../app/platform';
import {
  exportLayouts,
  forgetLayouts,
  importLayouts,
  useLayouts,
} from '../../case/datasets/layouts';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';

const layoutFilters = [{ name: 'Waybill layouts', extensions: ['json'] }];

/**
 * Remembered customs layouts: how files with given headers were read. Listed, exported as a small
 * JSON file, imported from one (from another machine or a colleague), or forgotten.
 */
export function CustomsLayouts() {
  const layouts = useLayouts();
  const { error, run } = useAction();
  const [said, setSaid] = useState('');
  if (layouts === undefined) return null;

  const exportAll = () =>
    run(async () => {
      const name = await platform.saveFile({
        suggestedName: 'waybill-layouts.json',
        bytes: new TextEncoder().encode(await exportLayouts()),
        filters: layoutFilters,
      });
      if (name !== null) setSaid(`Exported ${layouts.length} layouts as ${name}.`);
    });
  const importFile = () =>
    run(async () => {
      const [file] = await platform.openFiles({ filters: layoutFilters });
      if (!file) return;
      const count = await importLayouts(file.name, await file.text());
      setSaid(`Imported ${count} layouts from ${file.name}.`);
    });
  const forget = () =>
    run(async () => {
      await forgetLayouts();
      setSaid('Every remembered layout was forgotten.');
    });

  return (
    <section aria-labelledby="layouts-title" className="card stack">
      <h2 id="layouts-title">Customs layouts</h2>
      <p className="hint">
        When a customs file imports, how it was read is remembered for the next file with the same
        headers: its columns, header row, date order, decimal comma and default currency. Layouts
        belong to this app, not to an investigation, and are stored unencrypted: they hold the
        header names of the files you imported, nothing from their rows.
      </p>
      {layouts.length === 0 ? (
        <p>No layout is remembered yet.</p>
      ) : (
        <ul aria-label="Remembered layouts">
          {layouts.map((layout) => (
            <li key={layout.signature}>
              <span className="truncate">{layout.headers.join(' · ')}</span>{' '}
              <small>
                ({layout.dayMonthOrder}
                {layout.decimalComma ? ', decimal comma' : ''}
                {layout.defaultCurrency ? `, ${layout.defaultCurrency}` : ''}; remembered{' '}
                {new Date(layout.updatedAt).toLocaleDateString()})
              </small>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
      <div className="row-actions">
        <button type="button" onClick={() => void exportAll()} disabled={layouts.length === 0}>
          Export layouts…
        </button>
        <button type="button" onClick={() => void importFile()}>
          Import layouts…
        </button>
        <button type="button" onClick={() => void forget()} disabled={layouts.length === 0}>
          Forget all layouts
        </button>
        {said && <span role="status">{said}</span>}
      </div>
    </section>
  );
}
