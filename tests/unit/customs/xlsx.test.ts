import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { probeFile, probeXlsx } from '../../../shared/customs/probe';
import { columnIndex, openXlsx } from '../../../shared/customs/xlsx';
import { inspectFile } from '../../../scripts/inspect';
import { fixtureSets } from '../../fixtureSets';

const sheetXml = (rows: string) =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/** A small workbook written here: two sheets, title rows, inline and shared strings, sparse cells. */
function workbook(): Uint8Array {
  return zipSync({
    'xl/workbook.xml': strToU8(
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Notes" sheetId="1" r:id="rId1"/><sheet name="Data" sheetId="2" r:id="rId2"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(
      '<sst><si><t>DATE</t></si><si><r><t>EXPORTER </t></r><r><t>NAME</t></r></si><si><t>Поли Текнолоджис</t></si></sst>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>notes only</t></is></c></row>'),
    ),
    'xl/worksheets/sheet2.xml': strToU8(
      sheetXml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Customs export, 2022</t></is></c></row>' +
          '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="D3" t="inlineStr"><is><t>GROSS WEIGHT KG</t></is></c></row>' +
          '<row r="4"><c r="A4"><v>44760</v></c><c r="B4" t="s"><v>2</v></c><c r="D4"><v>12.5</v></c></row>' +
          '<row r="7"><c r="A7"><v>44761</v></c><c r="B7" t="inlineStr"><is><t>ACME</t></is></c></row>',
      ),
    ),
  });
}

describe('XLSX', () => {
  it('turns cell references into column indexes', () => {
    expect([
      columnIndex('A1'),
      columnIndex('J401'),
      columnIndex('Z9'),
      columnIndex('AA10'),
      columnIndex('AB2'),
    ]).toEqual([0, 9, 25, 26, 27]);
  });

  it('lists sheets and reads rows with the sheet’s own row numbers, gaps kept', async () => {
    const book = openXlsx('book.xlsx', workbook());
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(['Notes', 'Data']);
    const rows: unknown[] = [];
    await book.read('Data', (batch) => void rows.push(...batch));
    expect(rows).toEqual([
      { line: 1, cells: ['Customs export, 2022'] },
      { line: 3, cells: ['DATE', 'EXPORTER NAME', '', 'GROSS WEIGHT KG'] },
      { line: 4, cells: ['44760', 'Поли Текнолоджис', '', '12.5'] },
      { line: 7, cells: ['44761', 'ACME'] },
    ]);
  });

  it('probes a chosen sheet: header below a title row, Excel dates', async () => {
    const probe = await probeXlsx('book.xlsx', workbook(), { sheet: 'Data' });
    expect(probe).toMatchObject({
      format: 'xlsx',
      sheet: 'Data',
      sheets: ['Notes', 'Data'],
      headerLine: 3,
      excelDates: true,
    });
    expect(probe.mapping).toMatchObject({ date: 0, shipper: 1, weightKg: 3 });
  });

  it('refuses a damaged workbook with one message', async () => {
    const bytes = workbook().slice(0, 200);
    await expect(
      probeFile('broken.xlsx', bytes, bytes.length, () => Promise.resolve(bytes)),
    ).rejects.toThrow('broken.xlsx: this is binary data, not a delimited text file or a workbook');
  });

  for (const set of fixtureSets)
    it.skipIf(!set.available)(
      `reads vendor-a-2022.xlsx to the same shipments as vendor-a-2022.csv (${set.title})`,
      async () => {
        const fromSheet = await inspectFile(set.path('customs', 'vendor-a-2022.xlsx'), 400);
        const fromText = await inspectFile(set.path('customs', 'vendor-a-2022.csv'), 400);
        expect(fromSheet).toMatchObject({
          format: 'xlsx',
          sheet: 'Shipments',
          headerRow: 1,
          unmappedRequired: [],
        });
        expect(fromSheet.rows).toEqual(fromText.rows);
        expect(fromSheet.records).toEqual(fromText.records);
      },
    );
});
