import type { Dataset } from '#shared/customs/dataset';
import { toCsv } from '#shared/csvSafety';
import { platform } from '../../app/platform';
import { Dialog } from '../../ui/Dialog';
import { useRejectedRows } from '../../case/datasets/useDatasets';

export function RejectedRowsDialog(props: { dataset: Dataset; onClose: () => void }) {
  const rows = useRejectedRows(props.dataset.id);
  const exportCsv = () => {
    if (!rows) return;
    const table = [
      ['row', 'field', 'reason', ...props.dataset.headers],
      ...rows.flatMap((row) =>
        row.problems.map((problem) => [
          String(row.rowNumber),
          problem.field,
          problem.message,
          ...row.cells,
        ]),
      ),
    ];
    const bytes = new TextEncoder().encode(toCsv(table));
    void platform.saveFile({
      suggestedName: `${props.dataset.fileName.replace(/\.[^.]*$/, '')}-rejected-rows.csv`,
      bytes,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  };
  return (
    <Dialog title={`Rejected rows of ${props.dataset.fileName}`} onClose={props.onClose} wide>
      {rows === undefined ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <div className="table-scroll">
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Field</th>
                <th scope="col">Reason</th>
                <th scope="col">Cells as imported</th>
              </tr>
            </thead>
            <tbody>
              {rows.flatMap((row) =>
                row.problems.map((problem, index) => (
                  <tr key={`${row.rowNumber}-${index}`}>
                    <td>{row.rowNumber}</td>
                    <td>{problem.field}</td>
                    <td>{problem.message}</td>
                    <td className="truncate">{row.cells.join(' | ')}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={exportCsv} disabled={!rows}>
          Export as CSV
        </button>
        <button type="button" onClick={props.onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
