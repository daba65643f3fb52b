import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  proposeMapping,
  headerSignature,
  missingRequiredFields,
} from '../../../shared/customs/columnMapping';
import { DelimitedReader, isBlankRecord } from '../../../shared/customs/delimitedReader';
import { delimiters, sniffDelimiter } from '../../../shared/customs/delimiter';
import { sniffEncoding } from '../../../shared/customs/encoding';
import { canonicalFields, type ColumnMapping } from '../../../shared/customs/fields';
import { findHeaderIndex } from '../../../shared/customs/probe';
import { vendorAHeader, vendorCHeader } from '../../../scripts/fixtures/customsLayouts';
import { fixtureSets } from '../../fixtureSets';
import { seededRandom } from '../../../scripts/seededRandom';

const mappedHeaders = (headers: string[], mapping: ColumnMapping) =>
  Object.fromEntries(
    canonicalFields.map((field) => [
      field,
      mapping[field] === null ? null : headers[mapping[field]],
    ]),
  );

describe('DelimitedReader', () => {
  const text = 'a,b,c\r\n1,"x\r\ny",3\r\n\r\n"q""q",,\n4,5,6';

  it('reads the same records and start lines whatever the chunk size', () => {
    const expected = [
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'x\r\ny', '3'] },
      { line: 4, cells: [''] },
      { line: 5, cells: ['q"q', '', ''] },
      { line: 6, cells: ['4', '5', '6'] },
    ];
    for (const size of [1, 2, 3, 5, 8, 13, 1000]) {
      const reader = new DelimitedReader(',');
      const records = [];
      for (let index = 0; index < text.length; index += size)
        records.push(...reader.push(text.slice(index, index + size)));
      records.push(...reader.finish());
      expect(records).toEqual(expected);
    }
  });

  it('names the line where an unclosed quote opens', () => {
    const reader = new DelimitedReader(';');
    reader.push('a;b\n1;2\n3;"open\nstill open\n');
    expect(() => reader.finish()).toThrow('a quote opens on line 3 and never closes');
  });

  it('keeps lone CR line endings and text after a closing quote', () => {
    const reader = new DelimitedReader(',');
    expect([...reader.push('a,"b"c\rd,e'), ...reader.finish()]).toEqual([
      { line: 1, cells: ['a', 'bc'] },
      { line: 2, cells: ['d', 'e'] },
    ]);
  });
});

describe('sniffing', () => {
  for (const set of fixtureSets)
    it.skipIf(!set.available)(`finds each fixture’s encoding (${set.title})`, () => {
      const encodingOf = (name: string) =>
        sniffEncoding(readFileSync(set.path('customs', name)))?.encoding;
      expect(encodingOf('vendor-a-2022.csv')).toBe('utf-8');
      expect(sniffEncoding(readFileSync(set.path('customs', 'vendor-a-2022.csv')))?.bom).toBe(true);
      expect(encodingOf('vendor-b-2022.tsv')).toBe('utf-8');
      expect(encodingOf('vendor-c-cp1251.csv')).toBe('windows-1251');
      expect(encodingOf('vendor-d-utf16-pipe.txt')).toBe('utf-16le');
    });

  it('finds the delimiter, even with a title row above the header', () => {
    expect(sniffDelimiter('a;b;c\n1;2;3\n4;5;6')).toBe(';');
    expect(sniffDelimiter('name\tvalue\nACME, INC\t1,5\nPOLY\t2')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3')).toBe('|');
    expect(sniffDelimiter('Export, 2022\n\na,b,c,d\n1,2,3,4\n5,6,7,8')).toBe(',');
  });

  it('judges a delimiter on the first rows as if it had read the whole sample', () => {
    // Each delimiter's score on the whole sample, as the first 200 rows that are not blank give it.
    const wholeSample = (sample: string) => {
      let best = { delimiter: ',', score: -1 };
      for (const delimiter of delimiters) {
        const reader = new DelimitedReader(delimiter);
        let records = reader.push(sample);
        try {
          records = records.concat(reader.finish());
        } catch {
          // Cut inside a quote: what was read.
        }
        const rows = records.filter((record) => !isBlankRecord(record.cells)).slice(0, 200);
        const widths = new Map<number, number>();
        for (const { cells } of rows) widths.set(cells.length, (widths.get(cells.length) ?? 0) + 1);
        const [width, count] = [...widths].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [1, 0];
        const score = width < 2 ? -1 : (count / rows.length) * 1000 + width;
        if (score > best.score) best = { delimiter, score };
      }
      return best.delimiter;
    };
    const random = seededRandom(12);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    for (let sample = 0; sample < 60; sample += 1) {
      const delimiter = pick(delimiters);
      const width = 2 + Math.floor(random() * 6);
      const cell = () =>
        pick(['1', 'ACME, INC', 'a;b', 'x|y', 'tab\there', '"quoted, ""line""\nbreak"', '']);
      const line = () => Array.from({ length: width }, cell).join(delimiter);
      // Blank lines (up to 9 in 10), ragged rows and cells across lines: the first rows may take
      // more than the lines first read.
      const blank = random() * 0.9;
      const lines = Array.from({ length: Math.floor(random() * 1500) }, () =>
        random() < blank ? '' : random() < 0.1 ? cell() : line(),
      );
      // Cut anywhere, as a sample of a file's first bytes is.
      const text = lines.join(pick(['\n', '\r\n']));
      const cut = text.slice(0, Math.floor(text.length * (0.5 + random() / 2)));
      expect(sniffDelimiter(cut)).toBe(wholeSample(cut));
    }
  });

  it('finds the header row below title rows', () => {
    const reader = new DelimitedReader(',');
    const records = [
      ...reader.push(
        'Customs export,,,\nGenerated 2022-12-01,,,\nDATE,EXPORTER NAME,IMPORTER NAME,HS CODE\n01/02/2022,A,B,8807\n',
      ),
      ...reader.finish(),
    ];
    expect(records[findHeaderIndex(records)]?.line).toBe(3);
  });
});

describe('mapping proposals', () => {
  it('maps vendor-a’s upper-case English headers', () => {
    const headers = vendorAHeader;
    expect(mappedHeaders(headers, proposeMapping(headers))).toEqual({
      declarationId: 'DECLARATION NUMBER',
      billOfLading: null,
      date: 'DATE',
      shipper: 'EXPORTER NAME',
      consignee: 'IMPORTER NAME',
      originCountry: 'COUNTRY OF ORIGIN',
      destinationCountry: 'COUNTRY OF DESTINATION',
      hsCode: 'HS CODE',
      description: 'PRODUCT DESCRIPTION',
      weightKg: 'GROSS WEIGHT KG',
      value: 'STATISTICAL VALUE USD',
      currency: null,
    });
  });

  it('maps vendor-b’s snake_case headers and leaves source_vendor as a raw cell', () => {
    const headers = [
      'record_id',
      'date',
      'shipper',
      'consignee',
      'origin_country',
      'destination_country',
      'hs_code',
      'goods_description',
      'weight_kg',
      'value_usd',
      'source_vendor',
    ];
    const mapping = proposeMapping(headers);
    expect(mappedHeaders(headers, mapping)).toEqual({
      declarationId: 'record_id',
      billOfLading: null,
      date: 'date',
      shipper: 'shipper',
      consignee: 'consignee',
      originCountry: 'origin_country',
      destinationCountry: 'destination_country',
      hsCode: 'hs_code',
      description: 'goods_description',
      weightKg: 'weight_kg',
      value: 'value_usd',
      currency: null,
    });
    expect(Object.values(mapping)).not.toContain(10);
  });

  it('maps vendor-c’s Russian headers', () => {
    const headers = vendorCHeader;
    expect(mappedHeaders(headers, proposeMapping(headers))).toEqual({
      declarationId: 'Номер ДТ',
      billOfLading: null,
      date: 'Дата выпуска',
      shipper: 'Отправитель',
      consignee: 'Получатель',
      originCountry: 'Страна происхождения',
      destinationCountry: 'Страна назначения',
      hsCode: 'Код ТН ВЭД',
      description: 'Описание товара',
      weightKg: 'Вес брутто, кг',
      value: 'Статистическая стоимость, USD',
      currency: null,
    });
  });

  it('maps vendor-d’s headers, currency column included', () => {
    const headers = [
      'Ref',
      'Shipment Date/Time',
      'Exporter',
      'Importer',
      'Origin',
      'Destination',
      'Tariff Code',
      'Goods',
      'Gross kg',
      'Declared Value',
      'Currency',
    ];
    expect(mappedHeaders(headers, proposeMapping(headers))).toEqual({
      declarationId: 'Ref',
      billOfLading: null,
      date: 'Shipment Date/Time',
      shipper: 'Exporter',
      consignee: 'Importer',
      originCountry: 'Origin',
      destinationCountry: 'Destination',
      hsCode: 'Tariff Code',
      description: 'Goods',
      weightKg: 'Gross kg',
      value: 'Declared Value',
      currency: 'Currency',
    });
  });

  it('says which required field cannot be mapped', () => {
    expect(missingRequiredFields(proposeMapping(['Weight', 'Value']))).toEqual([
      'date',
      'shipper or consignee',
    ]);
    expect(missingRequiredFields(proposeMapping(['Date', 'Consignee']))).toEqual([]);
  });

  it('remembers mappings by a signature of the headers', () => {
    expect(headerSignature(['DATE', 'Exporter Name'])).toBe(
      headerSignature(['date', 'exporter_name']),
    );
    expect(headerSignature(['DATE', 'Exporter'])).not.toBe(headerSignature(['Exporter', 'DATE']));
  });
});

describe('header row override', () => {
  it('reads the header from the row the user names', async () => {
    const { probeDelimited } = await import('../../../shared/customs/probe');
    const text = 'Export of 2022;;\nDATE;SHIPPER;CONSIGNEE\n01.02.2022;A;B\n';
    const bytes = new TextEncoder().encode(text);
    expect(probeDelimited('t.csv', bytes, true).headerLine).toBe(2);
    const forced = probeDelimited('t.csv', bytes, true, { headerLine: 1 });
    expect(forced.headerLine).toBe(1);
    expect(forced.headers[0]).toBe('Export of 2022');
    expect(() => probeDelimited('t.csv', bytes, true, { headerLine: 9 })).toThrow(
      't.csv: row 9 is blank or beyond the rows read',
    );
  });
});
