import { useEffect, useState } from 'react';
import type { Dataset } from '#shared/customs/dataset';
import { shipmentRefId, type ShipmentRow } from '#shared/customs/shipmentIndex';
import { LinkToClaimDialog } from '../evidence';
import { shipmentLabel } from '../../case/shipments/shipmentLabel';
import { detailKey, takeShipmentDetail } from './shipmentDetails';

/** Everything about one shipment: its normalised fields, every raw cell, and where it came from. */
export function ShipmentDetail(props: { row: ShipmentRow; onClose: () => void }) {
  const { row, onClose } = props;
  const [linking, setLinking] = useState(false);
  const [detail, setDetail] = useState<{
    key: string;
    dataset: Dataset | undefined;
    cells: string[];
  } | null>(null);
  const key = detailKey(row);
  useEffect(() => {
    let live = true;
    void takeShipmentDetail(row).then((answer) => live && setDetail({ key, ...answer }));
    return () => {
      live = false;
    };
  }, [row, key]);
  const current = detail?.key === key ? detail : null;
  return (
    <aside className="shipment-detail" aria-labelledby="shipment-detail-title">
      <div className="list-header">
        <h3 id="shipment-detail-title">
          Row {row.rowNumber} of {row.datasetLabel}
        </h3>
        <button type="button" onClick={onClose} aria-label="Close shipment detail">
          ×
        </button>
      </div>
      <button type="button" onClick={() => setLinking(true)}>
        Link to claim
      </button>
      {linking && (
        <LinkToClaimDialog
          target={{ type: 'shipment', id: shipmentRefId(row), label: shipmentLabel(row) }}
          onClose={() => setLinking(false)}
        />
      )}
      {current?.dataset && (
        <dl className="facts">
          <dt>Dataset</dt>
          <dd>{row.datasetLabel}</dd>
          <dt>File</dt>
          <dd>{current.dataset.fileName}</dd>
          <dt>Vendor</dt>
          <dd>{current.dataset.vendor || '—'}</dd>
          <dt>Origin</dt>
          <dd>{current.dataset.origin || '—'}</dd>
          <dt>File SHA-256</dt>
          <dd className="hash">{current.dataset.fileSha256}</dd>
          <dt>Row number</dt>
          <dd>{row.rowNumber}</dd>
          <dt>Reported by</dt>
          <dd>
            {row.reportedBy === 1
              ? 'this dataset only'
              : `${row.reportedBy} datasets (matching rows in other datasets)`}
          </dd>
          {row.duplicateOf && (
            <>
              <dt>Duplicate</dt>
              <dd>identical to row {row.duplicateOf}</dd>
            </>
          )}
        </dl>
      )}
      <h4>Cells as imported</h4>
      {current ? (
        <dl className="facts raw-cells">
          {current.cells.map((cell, index) => (
            <div key={index} className="fact">
              <dt>{current.dataset?.headers[index] ?? `Column ${index + 1}`}</dt>
              <dd>{cell}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p aria-busy="true">Loading…</p>
      )}
    </aside>
  );
}
