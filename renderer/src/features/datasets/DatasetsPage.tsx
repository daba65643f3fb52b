import { useEffect, useState } from 'react';
import type { Dataset } from '#shared/customs/dataset';
import { datasetLabels } from '#shared/customs/datasetLabel';
import { delimiterNames } from '#shared/customs/delimiter';
import { platform } from '../../app/platform';
import { DeleteEvidenceDialog } from '../evidence';
import { useWithCase } from '../../case/useCase';
import { formatBytes, formatDateTime } from '../../ui/formatting';
import { ImportDialog } from './ImportDialog';
import { ProvenanceDialog } from './ProvenanceDialog';
import { RejectedRowsDialog } from './RejectedRowsDialog';
import { deleteDataset, recoverInterruptedImports } from '../../case/datasets/datasetMutations';
import { useDatasets } from '../../case/datasets/useDatasets';

/** How a dataset's file was read, in words: what a colleague needs to read it the same way. */
function readAs(dataset: Dataset): string {
  const where = `header row ${dataset.headerLine}`;
  if (dataset.format === 'xlsx') return `XLSX, sheet “${dataset.sheet ?? ''}”, ${where}`;
  const order = dataset.dayMonthOrder === 'MDY' ? 'month/day' : 'day.month';
  return `${dataset.encoding ?? ''}, ${dataset.delimiter ? delimiterNames[dataset.delimiter] : ''}, ${where}, ${order}`;
}

const customsFilters = [{ name: 'Customs exports', extensions: ['csv', 'tsv', 'txt', 'xlsx'] }];

export function DatasetsPage() {
  const withCase = useWithCase();
  const datasets = useDatasets();
  const labels = datasetLabels(datasets ?? []);
  const [importing, setImporting] = useState<{ name: string; file: Blob }[]>([]);
  const [rejectedOf, setRejectedOf] = useState<Dataset | null>(null);
  const [deleting, setDeleting] = useState<Dataset | null>(null);
  const [editing, setEditing] = useState<Dataset | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void withCase(recoverInterruptedImports).then((names) => {
      if (live && names.length > 0) {
        setNotice(
          `An import that was interrupted (${names.join(', ')}) was rolled back: nothing of it was kept.`,
        );
      }
    });
    return () => {
      live = false;
    };
  }, [withCase]);

  const chooseFiles = async () => {
    const files = await platform.openFiles({ filters: customsFilters, multiple: true });
    setImporting(files.map((file) => ({ name: file.name, file })));
  };

  return (
    <section aria-labelledby="datasets-title" className="datasets">
      <div className="list-header">
        <h2 id="datasets-title">Datasets</h2>
        <button type="button" className="primary" onClick={() => void chooseFiles()}>
          Import customs file
        </button>
      </div>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {datasets === undefined ? (
        <p aria-busy="true">Loading datasets…</p>
      ) : datasets.length === 0 ? (
        <p className="hint">
          No customs records yet. Import a vendor’s CSV, TSV, text or XLSX export.
        </p>
      ) : (
        <table>
          <caption className="visually-hidden">Datasets</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Vendor</th>
              <th scope="col">Origin</th>
              <th scope="col">Shipments</th>
              <th scope="col">Rejected</th>
              <th scope="col">Read as</th>
              <th scope="col">Imported</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((dataset) => (
              <tr key={dataset.id}>
                <th scope="row">
                  {labels.get(dataset.id)}
                  <span className="hint small" title={`SHA-256 ${dataset.fileSha256}`}>
                    {' '}
                    {labels.get(dataset.id) !== dataset.fileName && `${dataset.fileName} · `}
                    {formatBytes(dataset.size)} · SHA-256 {dataset.fileSha256.slice(0, 12)}…
                  </span>
                </th>
                <td>{dataset.vendor || '—'}</td>
                <td>{dataset.origin || '—'}</td>
                <td>{dataset.counts.accepted.toLocaleString()}</td>
                <td>{dataset.counts.rejected.toLocaleString()}</td>
                <td>{readAs(dataset)}</td>
                <td>{formatDateTime(dataset.importedAt)}</td>
                <td>
                  <span className="row-actions">
                    <button
                      type="button"
                      onClick={() => setRejectedOf(dataset)}
                      aria-label={`Rejected rows of ${dataset.fileName}`}
                      disabled={dataset.counts.rejected === 0}
                    >
                      Rejected rows
                    </button>
                    <button
                      type="button"
                      onClick={() => setEditing(dataset)}
                      aria-label={`Provenance of ${dataset.fileName}`}
                    >
                      Provenance
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => setDeleting(dataset)}
                      aria-label={`Delete dataset ${dataset.fileName}`}
                    >
                      Delete
                    </button>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {importing[0] && (
        <ImportDialog
          key={importing[0].name + importing.length}
          fileName={importing[0].name}
          file={importing[0].file}
          onClose={() => setImporting((queue) => queue.slice(1))}
        />
      )}
      {editing && <ProvenanceDialog dataset={editing} onClose={() => setEditing(null)} />}
      {rejectedOf && (
        <RejectedRowsDialog dataset={rejectedOf} onClose={() => setRejectedOf(null)} />
      )}
      {deleting && (
        <DeleteEvidenceDialog
          target={{ datasetShipments: deleting.id }}
          title={`Delete dataset “${deleting.fileName}”?`}
          confirmLabel="Delete dataset"
          onConfirm={(removeLinks) => withCase(deleteDataset, deleting.id, removeLinks)}
          onClose={() => setDeleting(null)}
        >
          <p>
            This removes its {deleting.counts.accepted.toLocaleString()} shipments, its rejected
            rows and, unless another dataset uses it, the stored original file.
          </p>
        </DeleteEvidenceDialog>
      )}
    </section>
  );
}
