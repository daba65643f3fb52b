/**
 * Pre-checks a customs file with the app's own parsing code and prints what an import would do:
 *   npm run inspect -- FILE [--sample N] [--date-order DMY|MDY|YMD]
 * Prints JSON to stdout; exits 0 when the file is importable, 1 when it is not (reason on stderr),
 * 2 when its dates' order cannot be told from the data and no --date-order was given (`dateOrder`
 * is then "undecided" and no row is read: the app's import waits for the user's choice the same way).
 */
import { createHash } from 'node:crypto';
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalFields } from '../shared/customs/fields';
import { delimiterNames } from '../shared/customs/delimiter';
import { dayMonthOrders, isoFromDays, type DayMonthOrder } from '../shared/customs/dates';
import { PROBE_BYTES, probeFile } from '../shared/customs/probe';
import { readCustomsFile } from '../shared/customs/readCustomsFile';
import type { RowProblem, Shipment } from '../shared/customs/shipment';
import { UnreadableFileError } from '../shared/customs/unreadable';
import { unmappedColumnWarnings } from '../shared/customs/unmappedColumns';

export type InspectReport = Awaited<ReturnType<typeof inspectFile>>;

function readHead(file: string): { head: Uint8Array; size: number } {
  const size = statSync(file).size;
  const head = new Uint8Array(Math.min(size, PROBE_BYTES));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return { head, size };
}

/** A file's SHA-256, as the app stores it with the file. */
async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const shownRecord = (shipment: Shipment) => ({
  rowNumber: shipment.rowNumber,
  declarationId: shipment.declarationId,
  billOfLading: shipment.billOfLading,
  date: isoFromDays(shipment.date),
  shipper: shipment.shipper,
  consignee: shipment.consignee,
  shipperKey: shipment.shipperKey,
  consigneeKey: shipment.consigneeKey,
  originCountry: shipment.originCountry,
  destinationCountry: shipment.destinationCountry,
  hsCode: shipment.hsCode,
  description: shipment.description,
  weightKg: Number.isNaN(shipment.weightKg) ? null : shipment.weightKg,
  value: Number.isNaN(shipment.value) ? null : shipment.value,
  currency: shipment.currency,
  duplicateOf: shipment.duplicateOf || null,
});

export async function inspectFile(
  file: string,
  sample: number,
  options: { dateOrder?: DayMonthOrder } = {},
) {
  const fileName = path.basename(file);
  const { head, size } = readHead(file);
  const source = {
    chunks: () => createReadStream(file, { highWaterMark: 1024 * 1024 }),
    bytes: async () => new Uint8Array(await readFile(file)),
  };
  const probe = await probeFile(fileName, head, size, source.bytes);
  const dayMonthOrder = options.dateOrder ?? probe.dayMonthOrder;
  const records: ReturnType<typeof shownRecord>[] = [];
  const problems: ({ rowNumber: number } & RowProblem)[] = [];
  // A date order the data cannot decide is not guessed: no row is read without one.
  const summary =
    dayMonthOrder === null
      ? null
      : await readCustomsFile(
          source,
          fileName,
          probe,
          { ...probe, dayMonthOrder },
          {
            onBatch: (shipments, rejected) => {
              for (const shipment of shipments)
                if (records.length < sample) records.push(shownRecord(shipment));
              for (const row of rejected) {
                for (const problem of row.problems)
                  if (problems.length < 20) problems.push({ rowNumber: row.rowNumber, ...problem });
              }
              return Promise.resolve();
            },
          },
        );
  return {
    file: fileName,
    format: probe.format,
    encoding: probe.encoding?.encoding ?? null,
    encodingReason: probe.encoding?.why ?? null,
    delimiter: probe.delimiter ? delimiterNames[probe.delimiter] : null,
    sheet: probe.sheet,
    sheets: probe.sheets,
    headerRow: probe.headerLine,
    mapping: Object.fromEntries(
      probe.headers.map((header, index) => [
        header,
        canonicalFields.find((field) => probe.mapping[field] === index) ?? null,
      ]),
    ),
    layout: probe.layout,
    unmappedRequired: probe.missingRequired,
    warnings: unmappedColumnWarnings(probe.headers, probe.columns, probe.mapping),
    dateOrder: dayMonthOrder ?? 'undecided',
    dateOrderWhy: options.dateOrder ? 'given' : probe.dayMonthOrderWhy,
    decimalComma: probe.decimalComma,
    defaultCurrency: probe.defaultCurrency || null,
    sha256: summary ? await fileSha256(file) : null,
    size,
    rows: summary && {
      total: summary.records,
      accepted: summary.accepted,
      rejected: summary.rejected,
      blank: summary.blank,
      duplicates: summary.duplicates,
    },
    problems,
    records,
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const valueOf = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const sample = Number(valueOf('--sample') ?? 5);
  const dateOrder = valueOf('--date-order')?.toUpperCase();
  const file = args.find(
    (arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'),
  );
  const orderOk = dateOrder === undefined || (dayMonthOrders as string[]).includes(dateOrder);
  if (!file || !Number.isInteger(sample) || sample < 0 || !orderOk) {
    console.error('usage: npm run inspect -- FILE [--sample N] [--date-order DMY|MDY|YMD]');
    process.exit(2);
  }
  try {
    const report = await inspectFile(file, sample, {
      dateOrder: dateOrder as DayMonthOrder | undefined,
    });
    console.log(JSON.stringify(report, null, 2));
    for (const warning of report.warnings) console.error(`${report.file}: ${warning}`);
    if (report.unmappedRequired.length > 0) {
      console.error(`${report.file}: no column for ${report.unmappedRequired.join(', ')}`);
      process.exit(1);
    }
    if (report.dateOrder === 'undecided') {
      console.error(
        `${report.file}: every date's day and month are 12 or less: give --date-order DMY, MDY or YMD`,
      );
      process.exit(2);
    }
  } catch (error) {
    console.error(
      error instanceof UnreadableFileError ? error.message : `${file}: ${String(error)}`,
    );
    process.exit(1);
  }
}
