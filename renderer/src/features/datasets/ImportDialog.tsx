import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '#shared/customs/dataset';
import { delimiterNames, delimiters, type Delimiter } from '#shared/customs/delimiter';
import { textEncodings, type TextEncodingName } from '#shared/customs/encoding';
import { canonicalFields, fieldLabels, type ColumnMapping } from '#shared/customs/fields';
import { missingRequiredFields } from '#shared/customs/columnMapping';
import { normaliseRow } from '#shared/customs/normaliseRow';
import type { ProbeOverrides } from '#shared/customs/probe';
import { OriginInput } from './OriginInput';
import { useWithCase } from '../../case/useCase';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { HeaderRowInput } from './HeaderRowInput';
import { ImportPreviewTable } from './ImportPreviewTable';
import { ImportProgressView } from './ImportProgressView';
import {
  cancelImport,
  importFile,
  previewImport,
  type ImportPreview,
  type ImportProgress,
} from '../../case/datasets/importWorkerClient';

type Stage =
  | { name: 'reading' }
  | { name: 'unreadable'; message: string }
  | { name: 'choosing'; preview: ImportPreview }
  | { name: 'importing'; progress: ImportProgress | null }
  | { name: 'done'; dataset: Dataset }
  | { name: 'failed'; message: string };

export function ImportDialog(props: { fileName: string; file: Blob; onClose: () => void }) {
  const withCase = useWithCase();
  const { fileName, file } = props;
  const [overrides, setOverrides] = useState<ProbeOverrides>({});
  const [stage, setStage] = useState<Stage>({ name: 'reading' });
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [order, setOrder] = useState<'MDY' | 'DMY'>('MDY');
  const [decimalComma, setDecimalComma] = useState(false);
  const [currency, setCurrency] = useState('');
  const [vendor, setVendor] = useState('');
  const [origin, setOrigin] = useState('');

  useEffect(() => {
    let live = true;
    void withCase(previewImport, file, fileName, overrides).then((result) => {
      if (!live) return;
      if (!result.ok) {
        setStage({ name: 'unreadable', message: result.message });
        return;
      }
      setStage({ name: 'choosing', preview: result.value });
      setMapping(result.value.mapping);
      setOrder(result.value.dayMonthOrder);
      setDecimalComma(result.value.decimalComma);
      setCurrency(result.value.defaultCurrency);
    });
    return () => {
      live = false;
    };
  }, [withCase, file, fileName, overrides]);

  const preview = stage.name === 'choosing' ? stage.preview : null;
  const rows = useMemo(() => {
    if (!preview || !mapping) return [];
    const settings = {
      mapping,
      columnCount: preview.headers.length,
      dayMonthOrder: order,
      decimalComma,
      defaultCurrency: currency,
      excelDates: preview.excelDates,
    };
    return preview.preview.map(({ line, cells }) => ({
      rowNumber: line,
      ...normaliseRow(line, cells, settings),
    }));
  }, [preview, mapping, order, decimalComma, currency]);

  const start = () => {
    if (!preview || !mapping) return;
    setStage({ name: 'importing', progress: null });
    const choices = {
      ...overrides,
      mapping,
      headerLine: preview.headerLine,
      dayMonthOrder: order,
      decimalComma,
      defaultCurrency: currency,
      vendor,
      origin,
    };
    void withCase(
      importFile,
      file,
      fileName,
      choices,
      // A last progress update can land after the result: it may only ever update a running
      // import, never reopen a finished one.
      (progress) =>
        setStage((current) =>
          current.name === 'importing' ? { name: 'importing', progress } : current,
        ),
    ).then((result) => {
      if (result.ok) setStage({ name: 'done', dataset: result.value });
      else if (result.cancelled) props.onClose();
      else setStage({ name: 'failed', message: result.message });
    });
  };

  const missing = mapping ? missingRequiredFields(mapping) : [];
  const closable = stage.name !== 'importing';
  return (
    <Dialog title={`Import ${fileName}`} onClose={closable ? props.onClose : cancelImport} wide>
      {stage.name === 'reading' && <p aria-busy="true">Reading the start of the file…</p>}
      {(stage.name === 'unreadable' || stage.name === 'failed') && (
        <>
          <ErrorMessage error={stage.message} />
          <p>Nothing was stored.</p>
        </>
      )}
      {stage.name === 'choosing' && preview && mapping && (
        <div className="stack">
          {preview.sameBytesAs && (
            <p role="alert" className="notice">
              These exact bytes were imported before, as “{preview.sameBytesAs}”. Skip this file, or
              import it again as a separate dataset.
            </p>
          )}
          <div className="field-grid">
            {preview.format === 'xlsx' ? (
              <label>
                <span>Sheet</span>
                <select
                  autoComplete="off"
                  value={preview.sheet ?? ''}
                  onChange={(event) => setOverrides({ sheet: event.target.value })}
                >
                  {preview.sheets.map((sheet) => (
                    <option key={sheet} value={sheet}>
                      {sheet}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <>
                <label>
                  <span>Encoding</span>
                  <select
                    autoComplete="off"
                    value={preview.encoding?.encoding}
                    onChange={(event) =>
                      setOverrides({
                        ...overrides,
                        encoding: event.target.value as TextEncodingName,
                      })
                    }
                  >
                    {textEncodings.map((encoding) => (
                      <option key={encoding} value={encoding}>
                        {encoding}
                      </option>
                    ))}
                  </select>
                  <small>{preview.encoding?.why}</small>
                </label>
                <label>
                  <span>Delimiter</span>
                  <select
                    autoComplete="off"
                    value={preview.delimiter ?? ','}
                    onChange={(event) =>
                      setOverrides({ ...overrides, delimiter: event.target.value as Delimiter })
                    }
                  >
                    {delimiters.map((delimiter) => (
                      <option key={delimiter} value={delimiter}>
                        {delimiterNames[delimiter]}
                      </option>
                    ))}
                  </select>
                </label>
              </>
            )}
            <HeaderRowInput
              key={preview.headerLine}
              line={preview.headerLine}
              onChange={(headerLine) => setOverrides({ ...overrides, headerLine })}
            />
            <label>
              <span>Date order</span>
              <select
                autoComplete="off"
                value={order}
                onChange={(event) => setOrder(event.target.value as 'MDY' | 'DMY')}
              >
                <option value="MDY">Month first (03/04/2022 is 4 March)</option>
                <option value="DMY">Day first (03.04.2022 is 3 April)</option>
              </select>
              <small>
                {preview.excelDates
                  ? 'for dates written as text; Excel dates need none'
                  : preview.dayMonthOrderDecided
                    ? 'decided from the dates in the file'
                    : 'not decidable from the data: check'}
              </small>
            </label>
            <label className="checkbox">
              <input
                autoComplete="off"
                type="checkbox"
                checked={decimalComma}
                onChange={(event) => setDecimalComma(event.target.checked)}
              />
              <span>Decimal comma (1 234,50)</span>
            </label>
            <label>
              <span>Default currency</span>
              <input
                autoComplete="off"
                value={currency}
                maxLength={3}
                onChange={(event) => setCurrency(event.target.value.toUpperCase())}
              />
            </label>
            <label>
              <span>Vendor</span>
              <input
                autoComplete="off"
                value={vendor}
                onChange={(event) => setVendor(event.target.value)}
                placeholder="who sold or compiled it"
              />
            </label>
            <label>
              <span>Origin</span>
              <OriginInput
                value={origin}
                onChange={setOrigin}
                placeholder="e.g. Russian customs declarations"
              />
            </label>
          </div>
          <fieldset className="mapping">
            <legend>Columns</legend>
            {canonicalFields.map((field) => (
              <label key={field}>
                <span>{fieldLabels[field]}</span>
                <select
                  autoComplete="off"
                  value={mapping[field] ?? ''}
                  onChange={(event) =>
                    setMapping({
                      ...mapping,
                      [field]: event.target.value === '' ? null : Number(event.target.value),
                    })
                  }
                >
                  <option value="">— none —</option>
                  {preview.headers.map((header, index) => (
                    <option key={index} value={index}>
                      {header || `Column ${index + 1}`}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
          {missing.length > 0 && <ErrorMessage error={`Map a column to: ${missing.join(', ')}.`} />}
          <ImportPreviewTable rows={rows} />
          <div className="dialog-actions">
            <button type="button" onClick={props.onClose}>
              {preview.sameBytesAs ? 'Skip this file' : 'Cancel'}
            </button>
            <button type="button" className="primary" disabled={missing.length > 0} onClick={start}>
              {preview.sameBytesAs ? 'Import again' : 'Import'}
            </button>
          </div>
        </div>
      )}
      {stage.name === 'importing' && (
        <ImportProgressView
          progress={stage.progress}
          totalBytes={file.size}
          onCancel={cancelImport}
        />
      )}
      {stage.name === 'done' && (
        <p role="status">
          Imported {stage.dataset.counts.accepted.toLocaleString()} shipments from {fileName};{' '}
          {stage.dataset.counts.rejected.toLocaleString()} rows rejected,{' '}
          {stage.dataset.counts.blank.toLocaleString()} blank rows skipped.
        </p>
      )}
      {closable && stage.name !== 'choosing' && (
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose} autoFocus>
            Close
          </button>
        </div>
      )}
    </Dialog>
  );
}
