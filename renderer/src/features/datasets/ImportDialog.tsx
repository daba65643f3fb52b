import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '#shared/customs/dataset';
import { delimiterNames, delimiters, type Delimiter } from '#shared/customs/delimiter';
import { textEncodings, type TextEncodingName } from '#shared/customs/encoding';
import { canonicalFields, fieldLabels, type ColumnMapping } from '#shared/customs/fields';
import { missingRequiredFields } from '#shared/customs/columnMapping';
import { dayMonthOrderNames, dayMonthOrders, type DayMonthOrder } from '#shared/customs/dates';
import { unmappedColumnWarnings } from '#shared/customs/unmappedColumns';
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
  const [order, setOrder] = useState<DayMonthOrder | null>(null);
  const [orderWhy, setOrderWhy] = useState<OrderWhy>('not needed');
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
      setOrderWhy(result.value.dayMonthOrderWhy);
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
      // Until the user chooses, the preview shows the dates as written (ImportPreviewTable).
      dayMonthOrder: order ?? 'DMY',
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
    if (!preview || !mapping || !order) return;
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
  const warnings =
    preview && mapping ? unmappedColumnWarnings(preview.headers, preview.columns, mapping) : [];
  const closable = stage.name !== 'importing';
  return (
    <Dialog title={`Import ${fileName}`} onClose={closable ? props.onClose : cancelImport} wide>
      {stage.name === 'reading' && <p aria-busy="true">Reading the start of the file…</p>}
      {(stage.name === 'unreadable' || stage.name === 'failed') && (
        <>
          <ErrorMessage error={stage.message} />
          <p>Nothing was stored.</p>
          {stage.name === 'unreadable' && /encoding/.test(stage.message) && (
            <EncodingSelect
              value={overrides.encoding}
              why={null}
              onChange={(encoding) => setOverrides({ ...overrides, encoding })}
            />
          )}
        </>
      )}
      {stage.name === 'choosing' && preview && mapping && (
        <div className="stack">
          {preview.layout && (
            <p className="notice" role="status">
              Recognised as {preview.layout}: each column is mapped by what its box of the form
              holds. Check the columns below.
            </p>
          )}
          {preview.rememberedAt !== null && (
            <p className="notice" role="status">
              Read as you read a file with these headers on{' '}
              {new Date(preview.rememberedAt).toLocaleDateString()}: columns, header row, date
              order, decimal comma and default currency.
            </p>
          )}
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
                <EncodingSelect
                  value={preview.encoding?.encoding}
                  why={preview.encoding?.why ?? null}
                  onChange={(encoding) => setOverrides({ ...overrides, encoding })}
                />
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
                value={order ?? ''}
                aria-invalid={order === null}
                onChange={(event) => {
                  setOrder(event.target.value as DayMonthOrder);
                  setOrderWhy('chosen');
                }}
              >
                {order === null && <option value="">— choose —</option>}
                {dayMonthOrders.map((choice) => (
                  <option key={choice} value={choice}>
                    {dayMonthOrderNames[choice]}
                  </option>
                ))}
              </select>
              <small>{dateOrderHint(orderWhy, preview.excelDates)}</small>
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
                  onChange={(event) => {
                    const column = event.target.value === '' ? null : Number(event.target.value);
                    const next = { ...mapping, [field]: column };
                    setMapping(next);
                    // A column mapped by hand decides what it can, as a proposed one does.
                    const profile = (index: number | null) =>
                      index === null ? undefined : preview.columns[index];
                    const dates = profile(column);
                    if (field === 'date' && dates?.kind === 'dates') {
                      setOrder(dates.dateOrder.order);
                      setOrderWhy(dates.dateOrder.why);
                    }
                    if (field === 'weightKg' || field === 'value')
                      setDecimalComma(
                        !!(
                          profile(next.weightKg)?.decimalComma || profile(next.value)?.decimalComma
                        ),
                      );
                  }}
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
          {warnings.length > 0 && (
            <ul className="notice" aria-label="Columns not mapped">
              {warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
          {missing.length > 0 && <ErrorMessage error={`Map a column to: ${missing.join(', ')}.`} />}
          {order === null && (
            <p role="alert" className="notice">
              In the rows read, every date has a day and a month of 12 or less, so whether
              03.04.2022 is 3 April or 4 March cannot be told from the data. Choose the date order
              before importing.
            </p>
          )}
          <ImportPreviewTable
            rows={rows}
            datesAsWrittenFrom={order === null ? mapping.date : null}
          />
          <div className="dialog-actions">
            <button type="button" onClick={props.onClose}>
              {preview.sameBytesAs ? 'Skip this file' : 'Cancel'}
            </button>
            <button
              type="button"
              className="primary"
              disabled={missing.length > 0 || order === null}
              onClick={start}
            >
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

type OrderWhy = ImportPreview['dayMonthOrderWhy'] | 'chosen';

function dateOrderHint(why: OrderWhy, excelDates: boolean): string {
  if (excelDates) return 'for dates written as text; Excel dates need none';
  if (why === 'chosen') return 'as you chose';
  if (why === 'remembered') return 'as you chose for files with these headers';
  if (why === 'from the data') return 'decided from the dates in the file';
  if (why === 'not needed') return 'the dates in the file need none';
  return 'not decidable from the data: choose';
}

function EncodingSelect(props: {
  value: TextEncodingName | undefined;
  why: string | null;
  onChange: (encoding: TextEncodingName) => void;
}) {
  return (
    <label>
      <span>Encoding</span>
      <select
        autoComplete="off"
        value={props.value ?? ''}
        onChange={(event) => props.onChange(event.target.value as TextEncodingName)}
      >
        {props.value === undefined && <option value="">— choose —</option>}
        {textEncodings.map((encoding) => (
          <option key={encoding} value={encoding}>
            {encoding}
          </option>
        ))}
      </select>
      {props.why && <small>{props.why}</small>}
    </label>
  );
}
