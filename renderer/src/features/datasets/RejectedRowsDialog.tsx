import type { Dataset } from '#shared/customs/dataset';
import { toCsv } from '#shared/csvSafety';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { useRejectedRows } from '../../case/datasets/useDatasets';
import { useCheckedCsvExport } from '../dossier';

export function RejectedRowsDialog(props: { dataset: Dataset; onClose: () => void }) {
  const rows = useRejectedRows(props.dataset.id);
  const { error, run } = useAction();
  const { exportCsv, dialog } = useCheckedCsvExport(run);
  const prepare = () => {
    if (!rows) return null;
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
    const name = `${props.dataset.fileName.replace(/\.[^.]*$/, '')}-rejected-rows.csv`;
    const bytes = new TextEncoder().encode(toCsv(table));
    // Imported rows can hold a confidential source's name: checked like any export.
    const located = rows.map((row) => ({
      where: `Row ${row.rowNumber}`,
      text: row.cells.join('\n'),
    }));
    return { file: { name, bytes }, located };
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
      <ErrorMessage error={error} />
      {dialog}
      <div className="dialog-actions">
        <button type="button" onClick={() => exportCsv(prepare)} disabled={!rows}>
          Export as CSV
        </button>
        <button type="button" onClick={props.onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
