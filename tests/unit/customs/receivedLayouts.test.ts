import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../scripts/inspect';
import {
  currencyFromHeader,
  headerSignature,
  proposeMapping,
} from '../../../shared/customs/columnMapping';
import { emptyMapping } from '../../../shared/customs/fields';
import { layoutsFile, readLayoutsFile, type SavedLayout } from '../../../shared/customs/layout';
import { probeDelimited } from '../../../shared/customs/probe';
import { unmappedColumnWarnings } from '../../../shared/customs/unmappedColumns';
import { fixture } from '../../fixtureSets';

const run = promisify(execFile);
const CLI_TIMEOUT = 30_000;
const customs = (name: string) => fixture('customs', name);

/** A file written to a fresh temporary folder, for the command line. */
function tempFile(name: string, bytes: string | Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'waybill-layouts-')), name);
  writeFileSync(file, bytes);
  return file;
}

const inspectCli = (...args: string[]) =>
  run('npx', ['tsx', 'scripts/inspect.ts', ...args], { timeout: CLI_TIMEOUT }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('customs layouts as researchers receive them', () => {
  it('reads Russian headers in Windows-1251: units and the currency in the headers, no-break-space thousands', async () => {
    const report = await inspectFile(customs('russian-headers-cp1251.tsv'), 2);
    expect(report).toMatchObject({
      encoding: 'windows-1251',
      delimiter: 'tab',
      dateOrder: 'DMY',
      decimalComma: true,
      defaultCurrency: 'USD',
      unmappedRequired: [],
      warnings: [],
      rows: { total: 60, accepted: 60, rejected: 0 },
    });
    expect(report.mapping).toMatchObject({
      '№ декларации': 'declarationId',
      'Дата декларации': 'date',
      'Масса брутто (кг)': 'weightKg',
      // Net weight is not the gross weight the field holds.
      'Вес нетто, кг': null,
      'Стоимость, долл. США': 'value',
    });
    expect(report.records[0]).toMatchObject({
      declarationId: '10216170/190621/0000181',
      date: '2021-06-19',
      shipper: 'FOSHAN GOLDEN LOTUS CERAMICS',
      originCountry: 'CN',
      weightKg: 15048,
      value: 1012273.68,
      currency: 'USD',
    });
  });

  it('recognises the goods declaration’s box codes and takes each value’s currency from its box', async () => {
    const report = await inspectFile(customs('declaration-boxes.csv'), 2);
    expect(report).toMatchObject({
      delimiter: 'semicolon',
      dateOrder: 'DMY',
      decimalComma: true,
      defaultCurrency: 'USD',
      rows: { total: 60, accepted: 60, rejected: 0 },
    });
    expect(report.layout).toContain('goods declaration');
    expect(report.mapping).toMatchObject({
      ND: 'declarationId',
      G072: 'date',
      G022: 'shipper',
      G082: 'consignee',
      G16: 'originCountry',
      G17A: 'destinationCountry',
      G31_1: 'description',
      g33: 'hsCode',
      G35: 'weightKg',
      // The statistical value in dollars, not the invoice's yuan (G42, G221) or the roubles (G45).
      G46: 'value',
      G42: null,
      G221: null,
      G45: null,
    });
    expect(report.records[0]).toMatchObject({
      declarationId: '10216170/220722/0000241',
      date: '2022-07-22',
      shipper: 'POLY TECHNOLOGY INC.',
      consignee: 'JSC ULAN-UDE AVIATION PLANT',
      originCountry: 'CN',
      destinationCountry: 'RU',
      hsCode: '8807300000',
      weightKg: 474,
      value: 69506,
      currency: 'USD',
    });
  });

  it('maps a declaration extract without the dollar value to the invoice value in box 22’s currency', () => {
    const text =
      'ND;G072;G022;G082;G221;G42;G45\n10702070/030122/0000001;03.01.2022;A;B;156;1000,50;80000\n';
    const probe = probeDelimited('boxes.csv', new TextEncoder().encode(text), true);
    expect(probe.headers[probe.mapping.value!]).toBe('G42');
    expect(probe.headers[probe.mapping.currency!]).toBe('G221');
    expect(probe.defaultCurrency).toBe('');
  });

  it('reads Chinese headers alike in UTF-8 and in GB18030, told apart from Windows-1251', async () => {
    const utf8 = await inspectFile(customs('chinese-headers-utf8.csv'), 60);
    const gb = await inspectFile(customs('chinese-headers-gb18030.csv'), 60);
    expect(utf8.encoding).toBe('utf-8');
    expect(gb.encoding).toBe('gb18030');
    expect(gb.records).toEqual(utf8.records);
    expect(gb).toMatchObject({
      dateOrder: 'YMD',
      defaultCurrency: 'USD',
      rows: { total: 60, accepted: 60, rejected: 0 },
    });
    expect(gb.mapping).toMatchObject({
      申报日期: 'date',
      '出口商/发货人': 'shipper',
      '进口商/收货人': 'consignee',
      商品编码: 'hsCode',
      商品名称: 'description',
      '毛重(千克)': 'weightKg',
      美元价值: 'value',
    });
    expect(gb.records[0]).toMatchObject({
      date: '2022-12-21',
      shipper: 'OOO AVTODETAL-M',
      weightKg: 9572,
      value: 1073510.26,
      currency: 'USD',
    });
    expect(
      gb.records.filter((record) => record.shipper === '中国航空技术国际控股有限公司'),
    ).toHaveLength(1);
    expect(
      gb.records.filter((record) => record.consignee === '中国航空技术国际控股有限公司'),
    ).toHaveLength(1);
  });

  it('maps a bill of lading’s number to its own field, its goods to the description', async () => {
    const report = await inspectFile(customs('bill-of-lading.csv'), 1);
    expect(report.mapping).toMatchObject({
      'Bill of Lading Number': 'billOfLading',
      'Goods Shipped': 'description',
      'Gross Weight (KG)': 'weightKg',
      'Declared Value (USD)': 'value',
    });
    expect(report.records[0]?.description).toBe('PARTS OF MOTOR VEHICLE BODIES');
    expect(report.records[0]).toMatchObject({ declarationId: '', billOfLading: 'COSU6400000360' });
    // Its date is a date, whatever the header's first words; `B/L No.` and 提运单号 are its number.
    const mapping = proposeMapping(['Bill of Lading Date', 'Shipper', 'B/L No.']);
    expect([mapping.date, mapping.billOfLading]).toEqual([0, 2]);
    expect(proposeMapping(['提运单号', '申报日期', '收货人']).billOfLading).toBe(0);
  });

  it('refuses text in another legacy encoding, naming what was tried, unless one is chosen', () => {
    const french = iconv.encode(
      'Date;Expéditeur;Destinataire;Désignation\n03/01/2022;Société Générale;Crédit Agricole;Pièces détachées\n',
      'windows-1252',
    );
    expect(() => probeDelimited('export.csv', french, true)).toThrow(
      /export\.csv: its text encoding could not be told: it is not UTF-8 or UTF-16, and it reads neither as Cyrillic in Windows-1251 nor as Chinese in GB18030/,
    );
    expect(
      probeDelimited('export.csv', french, true, { encoding: 'windows-1251' }).encoding,
    ).toEqual({
      encoding: 'windows-1251',
      bom: false,
      why: 'chosen by you',
    });
  });

  it(
    'warns by name about an unmapped column full of numbers while weights or values are unmapped',
    async () => {
      const file = tempFile(
        'gewicht.csv',
        'Date,Exporter,Importer,Gewicht brutto,Warenwert\n2022-01-03,A,B,"1 200,5","3 400,00"\n2022-01-04,A,C,310,"1 200,00"\n',
      );
      const report = await inspectFile(file, 1);
      expect(report.warnings).toEqual([
        '“Gewicht brutto” looks like numbers and is not mapped.',
        '“Warenwert” looks like numbers and is not mapped.',
      ]);
      const cli = await inspectCli(file);
      expect(cli.code).toBe(0);
      expect(cli.stderr).toContain(
        'gewicht.csv: “Gewicht brutto” looks like numbers and is not mapped.',
      );
      // The dialog's warning follows the mapping: a weight column mapped by hand says nothing more.
      const probe = probeDelimited(
        'gewicht.csv',
        new TextEncoder().encode(
          'Date,Exporter,Importer,Масса брутто (кг),Gewicht\n2022-01-03,A,B,1,2\n',
        ),
        true,
      );
      expect(
        unmappedColumnWarnings(probe.headers, probe.columns, {
          ...probe.mapping,
          weightKg: null,
        }),
      ).toEqual([
        '“Масса брутто (кг)” looks like weights and is not mapped.',
        '“Gewicht” looks like numbers and is not mapped.',
      ]);
      expect(
        unmappedColumnWarnings(probe.headers, probe.columns, {
          ...emptyMapping(),
          date: 0,
          weightKg: 3,
          value: 4,
        }),
      ).toEqual([]);
    },
    CLI_TIMEOUT,
  );

  it(
    'never guesses a date order the data cannot decide: inspect says “undecided” and exits 2',
    async () => {
      const file = tempFile(
        'day-first.csv',
        'Дата;Отправитель;Получатель;Вес брутто, кг\n10.02.2022;A;B;1\n03.04.2022;A;B;2\n12.11.2022;A;B;3\n',
      );
      const undecided = await inspectFile(file, 3);
      expect(undecided).toMatchObject({
        dateOrder: 'undecided',
        dateOrderWhy: 'undecidable',
        rows: null,
        records: [],
      });
      const cli = await inspectCli(file);
      expect(cli.code).toBe(2);
      expect(JSON.parse(cli.stdout)).toMatchObject({ dateOrder: 'undecided' });
      expect(cli.stderr).toContain('give --date-order DMY, MDY or YMD');
      const given = await inspectCli(file, '--date-order', 'DMY', '--sample', '3');
      expect(given.code).toBe(0);
      const { records } = JSON.parse(given.stdout) as { records: { date: string }[] };
      expect(records.map((record) => record.date)).toEqual([
        '2022-02-10',
        '2022-04-03',
        '2022-11-12',
      ]);
    },
    CLI_TIMEOUT * 2,
  );
});

describe('currencies named in headers and codes', () => {
  it.each([
    ['Стоимость, долл. США', 'USD'],
    ['STATISTICAL VALUE USD', 'USD'],
    ['美元价值', 'USD'],
    ['Таможенная стоимость, руб.', 'RUB'],
    ['Value (EUR)', 'EUR'],
    ['金额(人民币)', 'CNY'],
    ['Value', null],
    ['Value RUB (USD rate)', null],
  ])('%s: %s', (header, currency) => expect(currencyFromHeader(header)).toBe(currency));
});

describe('layout files', () => {
  const layout: SavedLayout = {
    signature: headerSignature(['Дата', 'Отправитель', 'Вес']),
    headers: ['Дата', 'Отправитель', 'Вес'],
    headerLine: 3,
    mapping: { ...emptyMapping(), date: 0, shipper: 1, weightKg: 2 },
    dayMonthOrder: 'DMY',
    decimalComma: true,
    defaultCurrency: 'RUB',
    updatedAt: 1_767_225_600_000,
  };

  it('round-trip every decision, the signature recomputed from the headers', () => {
    const text = layoutsFile([layout]);
    expect(text).not.toContain('signature');
    expect(readLayoutsFile('layouts.json', text)).toEqual([layout]);
  });

  it('drop unknown fields and refuse a bad file whole, naming the layout and field', () => {
    const file = JSON.parse(layoutsFile([layout, layout])) as {
      layouts: Record<string, unknown>[];
    };
    file.layouts[0].note = '<script>';
    expect(readLayoutsFile('a.json', JSON.stringify(file))[0]).not.toHaveProperty('note');
    file.layouts[1].mapping = { ...layout.mapping, value: 7 };
    expect(() => readLayoutsFile('a.json', JSON.stringify(file))).toThrow(
      'a.json: not a Waybill layouts file (layout 2, mapping: a column is mapped beyond the headers)',
    );
    expect(() =>
      readLayoutsFile(
        'b.json',
        '{"format":"waybill-layouts","version":1,"layouts":[{"headers":[]}]}',
      ),
    ).toThrow(/b\.json: not a Waybill layouts file \(layout 1, headers/);
    expect(() => readLayoutsFile('c.json', 'ND;G072')).toThrow(
      'c.json: this is not JSON, so not a layouts file',
    );
    expect(() => readLayoutsFile('d.json', '{"format":"other"}')).toThrow(
      /d\.json: not a Waybill layouts file \(format/,
    );
  });
});
