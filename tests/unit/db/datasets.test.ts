import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { investigationDb } from '../../../renderer/src/db/databases';
import type { InvestigationDb } from '../../../renderer/src/db/schema';
import {
  deleteDataset,
  updateProvenance,
} from '../../../renderer/src/case/datasets/datasetMutations';
import {
  choicesFromPreview,
  importDataset,
  previewImport,
  rollBackInterruptedImports,
} from '../../../renderer/src/workers/import/importDataset';
import type { ImportChoices } from '../../../renderer/src/workers/import/importTypes';
import { writerFor, type ImportWriter } from '../../../renderer/src/workers/import/importWriter';
import { fileBytes } from '../../../renderer/src/db/storedFiles';
import { rawCells } from '../../../renderer/src/db/rawCells';
import { DelimitedReader } from '../../../shared/customs/delimitedReader';
import { sha256Hex } from '../../../renderer/src/lib/bytes';
import { createInvestigation } from '../../../renderer/src/features/investigations/investigationMutations';
import { emptyShipmentFilter, shipmentSortColumns } from '../../../shared/customs/shipmentFilter';
import { isoFromDays } from '../../../shared/customs/dates';
import { layoutOf } from '../../../shared/customs/layout';
import {
  canonicalOrigin,
  knownOrigins,
  summariseShipments,
} from '../../../shared/customs/corroboration';
import { entityDirectory, entityProfile } from '../../../shared/customs/entityProfile';
import { implicitEntityId } from '../../../shared/entities/entity';
import { partyKey } from '../../../shared/customs/partyKey';
import { ShipmentIndex } from '../../../shared/customs/shipmentIndex';
import {
  pivotDimensions,
  pivotShipments,
  shipmentNetwork,
} from '../../../shared/customs/shipmentGroups';
import { pivotCsv } from '../../../shared/customs/pivotCsv';
import { mergeEntities, splitSpelling } from '../../../renderer/src/case/entities/entityMutations';
import { fixture, fixtureSets, ownFixtures, type FixtureSet } from '../../fixtureSets';
import { importFixture as importCustomsFixture, indexOf } from './customsFixture';
import { packTexts, textsOf } from '../../../shared/customs/packedIdentifiers';
import { blockDuplicates, blockLines } from '../../../shared/customs/blocks';
import { LineIndexBuilder } from '../../../shared/customs/lineIndex';
import { vendorARows } from '../../../scripts/fixtures/customsFixtures';
import { vendorACsv } from '../../../scripts/fixtures/customsLayouts';

let db: InvestigationDb;

beforeEach(async () => {
  db = investigationDb(await createInvestigation('Customs'));
});

const blobOf = (...parts: string[]) => new Blob([readFileSync(fixture(...parts))]);

/** Imports files of one fixture set as the import worker would. */
const importerFor =
  (set: FixtureSet) =>
  (
    folder: string,
    name: string,
    labels: { vendor?: string; origin?: string } = {},
    changes: Partial<ImportChoices> = {},
  ) =>
    importCustomsFixture(db, set.path(folder, name), labels, changes);

const importFixture = importerFor(ownFixtures);

describe('importing a customs file', () => {
  it('stores the dataset with its provenance, the original bytes and the shipments in blocks', async () => {
    const dataset = await importFixture('customs', 'vendor-a-2022.csv', {
      vendor: 'Vendor A',
      origin: 'Customs declarations',
    });
    expect(dataset).toMatchObject({
      status: 'complete',
      fileName: 'vendor-a-2022.csv',
      vendor: 'Vendor A',
      origin: 'Customs declarations',
      encoding: 'utf-8',
      delimiter: ',',
      headerLine: 1,
      dayMonthOrder: 'MDY',
      defaultCurrency: 'USD',
      counts: { records: 400, accepted: 400, rejected: 0, blank: 0, duplicates: 0 },
      blockCount: 1,
    });
    expect(dataset.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = await db.files.get(dataset.fileSha256);
    expect(stored?.size).toBe(readFileSync(fixture('customs', 'vendor-a-2022.csv')).length);
    const [first] = await rawCells(db, [
      { datasetId: dataset.id, blockNo: 0, blockRow: 0, rowNumber: 2 },
    ]);
    expect(first[0]).toBe(ownFixtures.answers.vendorAFirstDeclaration);
  });

  it.each([
    'vendor-a-2022.csv',
    'vendor-b-2022.tsv',
    'vendor-c-cp1251.csv',
    'vendor-d-utf16-pipe.txt',
    'chinese-headers-gb18030.csv',
  ])(
    'reads each row’s raw cells of %s again from its stored original, storing none',
    async (name) => {
      const dataset = await importFixture('customs', name);
      expect(await db.shipmentCells.count()).toBe(0);
      expect(dataset.lineIndex).toEqual({ at: [], line: [] });
      const blocks = await db.shipmentBlocks.where('datasetId').equals(dataset.id).toArray();
      const rows = blocks.flatMap((block) =>
        Array.from(blockLines(block), (rowNumber, blockRow) => ({
          datasetId: dataset.id,
          blockNo: block.blockNo,
          blockRow,
          rowNumber,
        })),
      );
      expect(rows).toHaveLength(dataset.counts.accepted);
      const reader = new DelimitedReader(dataset.delimiter!);
      const text = new TextDecoder(dataset.encoding!).decode(
        readFileSync(fixture('customs', name)),
      );
      const records = new Map(
        [...reader.push(text), ...reader.finish()].map((record) => [record.line, record.cells]),
      );
      expect(await rawCells(db, rows)).toEqual(rows.map((row) => records.get(row.rowNumber)));
    },
  );

  it('indexes a larger file’s lines as it stores it, and reads rows anywhere in it', async () => {
    const bytes = new TextEncoder().encode(vendorACsv(vendorARows(5_000, 31)));
    const file = new Blob([bytes]);
    const dataset = await importDataset(
      db,
      file,
      'larger.csv',
      choicesFromPreview(await previewImport(db, file, 'larger.csv')),
    );
    const expected = new LineIndexBuilder('utf-8');
    expected.push(bytes);
    expect(dataset.lineIndex).toEqual(expected.finish());
    expect(dataset.lineIndex!.at.length).toBeGreaterThanOrEqual(3);
    const blocks = await db.shipmentBlocks.where('datasetId').equals(dataset.id).toArray();
    const rows = blocks
      .flatMap((block) =>
        Array.from(blockLines(block), (rowNumber, blockRow) => ({
          datasetId: dataset.id,
          blockNo: block.blockNo,
          blockRow,
          rowNumber,
        })),
      )
      .filter((_, at, all) => at % 97 === 0 || at === all.length - 1);
    const reader = new DelimitedReader(',');
    const records = new Map(
      [...reader.push(new TextDecoder().decode(bytes)), ...reader.finish()].map((record) => [
        record.line,
        record.cells,
      ]),
    );
    expect(await rawCells(db, rows)).toEqual(rows.map((row) => records.get(row.rowNumber)));
  });

  it('stores a file read whole as one read a chunk at a time: same hash, lines and bytes', async () => {
    const bytes = new TextEncoder().encode(vendorACsv(vendorARows(5_000, 32)));
    const file = new Blob([bytes]);
    const stored = async (readWhole: number) => {
      const { file: record, lineIndex } = await writerFor(db, readWhole).storeFile(
        file,
        'a.csv',
        'utf-8',
      );
      // Compared as one buffer: an element-wise comparison of a MB takes seconds.
      const content = Buffer.from(await fileBytes(db, record));
      await db.fileParts.clear();
      return { record, lineIndex, content };
    };
    const whole = await stored(bytes.length);
    const streamed = await stored(bytes.length - 1);
    expect(whole.record).toEqual(streamed.record);
    expect(whole.lineIndex).toEqual(streamed.lineIndex);
    expect(whole.record.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(whole.content.equals(bytes) && streamed.content.equals(bytes)).toBe(true);
    const lines = new LineIndexBuilder('utf-8');
    lines.push(bytes);
    expect(whole.lineIndex).toEqual(lines.finish());
    expect(whole.lineIndex!.at.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps a workbook’s raw cells beside its blocks, and reads them from there', async () => {
    const dataset = await importFixture('customs', 'vendor-a-2022.xlsx');
    expect(dataset.lineIndex).toBeUndefined();
    expect(await db.shipmentCells.count()).toBe(1);
    const [first] = await rawCells(db, [
      { datasetId: dataset.id, blockNo: 0, blockRow: 0, rowNumber: 2 },
    ]);
    expect(first[0]).toBe(ownFixtures.answers.vendorAFirstDeclaration);
  });

  it('offers to skip a file whose bytes were imported before', async () => {
    await importFixture('customs', 'vendor-b-2022.tsv');
    const preview = await previewImport(
      db,
      blobOf('customs', 'vendor-b-2022.tsv'),
      'copy of vendor-b.tsv',
    );
    expect(preview.sameBytesAs).toBe('vendor-b-2022.tsv');
  });

  it('reads a file as a remembered layout says: columns, header row, date order, decimal comma, currency', async () => {
    // A title row above the header, headers no synonym knows, day-first dates all ≤ 12.
    const text =
      'Export 2022\nFecha;Remitente;Destinatario;Peso;Valor\n10.02.2022;A;B;1,5;10,25\n03.04.2022;A;C;2;20\n';
    const file = new Blob([text]);
    const first = await previewImport(db, file, 'es.csv', { headerLine: 2 });
    expect(first).toMatchObject({
      missingRequired: ['date', 'shipper or consignee'],
      rememberedAt: null,
    });
    const dataset = await importDataset(db, file, 'es.csv', {
      ...choicesFromPreview(first, { dayMonthOrder: 'DMY' }),
      headerLine: 2,
      mapping: { ...first.mapping, date: 0, shipper: 1, consignee: 2, weightKg: 3, value: 4 },
      decimalComma: true,
      defaultCurrency: 'EUR',
    });
    const layout = layoutOf(dataset, 1);
    const again = await previewImport(db, file, 'es-again.csv', {}, [layout]);
    expect(again).toMatchObject({
      headerLine: 2,
      mapping: dataset.mapping,
      dayMonthOrder: 'DMY',
      dayMonthOrderWhy: 'remembered',
      decimalComma: true,
      defaultCurrency: 'EUR',
      rememberedAt: 1,
      missingRequired: [],
    });
    const shipments = again.rows.map((row) => ('shipment' in row ? row.shipment : null));
    expect(shipments.map((shipment) => shipment && isoFromDays(shipment.date))).toEqual([
      '2022-02-10',
      '2022-04-03',
    ]);
    expect(shipments.map((shipment) => shipment?.weightKg)).toEqual([1.5, 2]);
    expect(shipments.map((shipment) => shipment?.currency)).toEqual(['EUR', 'EUR']);
  });

  it('keeps a bill-of-lading number as its own field, found by the number filter', async () => {
    await importFixture('customs', 'bill-of-lading.csv');
    await importFixture('customs', 'vendor-b-2022.tsv');
    const index = await indexOf(db);
    const found = index.query(
      { ...emptyShipmentFilter, declaration: 'COSU6400000371' },
      { column: 'date', direction: 'asc' },
    );
    expect([...found.rows].map((row) => index.row(row))).toMatchObject([
      { billOfLading: 'COSU6400000371', declarationId: '', rowNumber: 13 },
    ]);
    // Blocks stored before the field (schema 12 and older) have no such column: their rows have none.
    const blocks = (await db.shipmentBlocks.toArray()).map(
      ({ billOfLading: _dropped, ...block }) => block,
    );
    const datasets = await db.datasets.toArray();
    const old = new ShipmentIndex(datasets, blocks, 340);
    expect(old.row(0).billOfLading).toBe('');
    expect(
      old.query(
        { ...emptyShipmentFilter, declaration: 'COSU' },
        { column: 'date', direction: 'asc' },
      ).rows,
    ).toHaveLength(0);
  });

  it('loads a dataset of many blocks a batch at a time, every row in its place', async () => {
    const dataset = await importFixture('customs', 'vendor-a-2022.csv');
    const whole = await indexOf(db);
    // The file's one block, stored again as 23 blocks of up to 18 rows: three batches of the load.
    const [stored] = await db.shipmentBlocks.toArray();
    // Every row's line and duplicate, to cut them up (the stored block holds its first line only).
    const block = {
      ...stored,
      rowNumber: blockLines(stored),
      duplicateOf: blockDuplicates(stored),
    };
    const pieces = Array.from({ length: Math.ceil(block.count / 18) }, (_, blockNo) => {
      const [from, to] = [blockNo * 18, Math.min(block.count, blockNo * 18 + 18)];
      const piece = { ...block, blockNo, count: to - from };
      for (const [name, column] of Object.entries(block))
        if (ArrayBuffer.isView(column) || Array.isArray(column))
          Object.assign(piece, { [name]: column.slice(from, to) });
      for (const name of ['declarationId', 'billOfLading'] as const)
        Object.assign(piece, { [name]: packTexts(textsOf(block[name]!).slice(from, to)) });
      return piece;
    });
    expect(pieces).toHaveLength(23);
    await db.shipmentBlocks.clear();
    await db.shipmentBlocks.bulkAdd(pieces);
    const loaded = await indexOf(db);
    expect(loaded.count).toBe(dataset.counts.accepted);
    for (let row = 0; row < whole.count; row += 1)
      expect({ ...loaded.row(row), blockNo: 0, blockRow: 0 }).toEqual({
        ...whole.row(row),
        blockNo: 0,
        blockRow: 0,
      });
    expect(loaded.row(whole.count - 1)).toMatchObject({
      blockNo: 22,
      blockRow: block.count - 1 - 22 * 18,
    });
  });

  it('keeps rejected rows with their reasons and imports the good ones', async () => {
    const dataset = await importFixture('bad', 'mixed-row-errors.csv');
    expect(dataset.counts).toEqual({
      records: 11,
      accepted: 4,
      rejected: 7,
      blank: 1,
      duplicates: 1,
    });
    const problems = await db.rowProblems.where('datasetId').equals(dataset.id).sortBy('rowNumber');
    expect(problems.map((row) => row.rowNumber)).toEqual([2, 3, 5, 6, 7, 8, 13]);
  });

  it('stores nothing for an unreadable file, and leaves what was there', async () => {
    await importFixture('customs', 'vendor-d-utf16-pipe.txt');
    const before = [
      await db.datasets.count(),
      await db.shipmentBlocks.count(),
      await db.files.count(),
      await db.fileParts.count(),
    ];
    for (const name of [
      'empty.csv',
      'header-only.csv',
      'binary-garbage.csv',
      'unbalanced-quote.csv',
    ]) {
      const file = blobOf('bad', name);
      await expect(
        // The choices of a good file, so that only the bad bytes can fail the import.
        importDataset(
          db,
          file,
          name,
          choicesFromPreview(await previewImport(db, blobOf('customs', 'vendor-a-2022.csv'), 'a')),
        ),
      ).rejects.toThrow(name);
    }
    expect([
      await db.datasets.count(),
      await db.shipmentBlocks.count(),
      await db.files.count(),
      await db.fileParts.count(),
    ]).toEqual(before);
  });

  it('removes everything it wrote when cancelled', async () => {
    const file = blobOf('customs', 'vendor-a-2022.csv');
    const preview = await previewImport(db, file, 'a.csv');
    const controller = new AbortController();
    controller.abort();
    await expect(
      importDataset(db, file, 'a.csv', choicesFromPreview(preview), { signal: controller.signal }),
    ).rejects.toThrow();
    expect([
      await db.datasets.count(),
      await db.shipmentBlocks.count(),
      await db.shipmentCells.count(),
      await db.files.count(),
      await db.fileParts.count(),
    ]).toEqual([0, 0, 0, 0, 0]);
  });

  it('stops storing its file when it is cancelled, and only then removes what it wrote', async () => {
    const cancel = new AbortController();
    let stopped = false;
    // A file whose storing goes on until told to stop; the import is cancelled as it starts.
    const writer: ImportWriter = {
      ...writerFor(db),
      storeFile: (_file, _name, _lines, signal) => {
        cancel.abort();
        return new Promise((_resolve, reject) =>
          signal?.addEventListener('abort', () => {
            stopped = true;
            reject(signal.reason as Error);
          }),
        );
      },
    };
    const file = blobOf('customs', 'vendor-a-2022.csv');
    const choices = choicesFromPreview(await previewImport(db, file, 'a.csv'));
    // A part of another file being stored meanwhile (its record not added yet) is not its to take.
    const other = 'e'.repeat(64);
    await db.fileParts.put({ sha256: other, part: 0, blob: new Blob(['another file']) });
    await expect(
      importDataset(db, file, 'a.csv', choices, { writer, signal: cancel.signal }),
    ).rejects.toThrow();
    expect(stopped).toBe(true);
    expect(await db.datasets.count()).toBe(0);
    expect((await db.fileParts.toArray()).map((part) => part.sha256)).toEqual([other]);
  });

  it('neither hashes nor stores its file once cancelled', async () => {
    const file = blobOf('customs', 'vendor-a-2022.csv');
    const stop = new AbortController();
    stop.abort();
    await expect(sha256Hex(file, stop.signal)).rejects.toThrow(/abort/i);
    await expect(writerFor(db).storeFile(file, 'a.csv', 'utf-8', stop.signal)).rejects.toThrow(
      /abort/i,
    );
    expect([await db.files.count(), await db.fileParts.count()]).toEqual([0, 0]);
    expect(await sha256Hex(file, new AbortController().signal)).toBe(
      createHash('sha256')
        .update(new Uint8Array(await file.arrayBuffer()))
        .digest('hex'),
    );
  });

  it('rolls back an import that a crash cut short', async () => {
    const dataset = await importFixture('customs', 'vendor-c-cp1251.csv');
    await db.datasets.update(dataset.id, { status: 'importing' });
    // And the part of a file whose import never added its record.
    await db.fileParts.put({ sha256: 'f'.repeat(64), part: 0, blob: new Blob(['sealed bytes']) });
    expect(await rollBackInterruptedImports(db)).toEqual(['vendor-c-cp1251.csv']);
    expect([
      await db.datasets.count(),
      await db.shipmentBlocks.count(),
      await db.shipmentCells.count(),
    ]).toEqual([0, 0, 0]);
    expect((await db.fileParts.toArray()).map((part) => part.sha256)).toEqual([dataset.fileSha256]);
  });

  it('deletes a dataset with its shipments, problems and, once unused, its file', async () => {
    // The same file imported twice is stored once; deleting one dataset keeps it for the other.
    const first = await importFixture('bad', 'mixed-row-errors.csv');
    const dataset = await importFixture('bad', 'mixed-row-errors.csv');
    expect([await db.files.count(), await db.fileParts.count()]).toEqual([1, 1]);
    await deleteDataset(db, first.id);
    const [file] = await db.files.toArray();
    expect(new TextDecoder().decode(await fileBytes(db, file))).toBe(
      readFileSync(fixture('bad', 'mixed-row-errors.csv'), 'utf8'),
    );
    await deleteDataset(db, dataset.id);
    expect([
      await db.datasets.count(),
      await db.shipmentBlocks.count(),
      await db.rowProblems.count(),
      await db.files.count(),
      await db.fileParts.count(),
    ]).toEqual([0, 0, 0, 0, 0]);
  });
});

for (const set of fixtureSets)
  describe.skipIf(!set.available)(`the shipment engine (${set.title})`, () => {
    const importFixture = importerFor(set);

    it('finds the 13 Poly → Ulan-Ude shipments of vendor-a by “poly tech” as shipper', async () => {
      await importFixture('customs', 'vendor-a-2022.csv');
      const index = await indexOf(db);
      const { rows, summary } = index.query(
        { ...emptyShipmentFilter, party: 'poly tech', partyRole: 'shipper' },
        { column: 'date', direction: 'asc' },
      );
      expect(summary.count).toBe(13);
      const shipped = Array.from(rows, (row) => index.row(row));
      expect(new Set(shipped.map((row) => row.shipper)).size).toBe(4);
      expect(
        shipped.every((row) => row.originCountry === 'CN' && row.destinationCountry === 'RU'),
      ).toBe(true);
      expect(shipped.map((row) => row.date)).toEqual([...shipped.map((row) => row.date)].sort());
      expect(summary.valueByCurrency.map((entry) => entry.currency)).toEqual(['USD']);
    });

    it('sorts by any text column alphabetically, empty values last, and by dataset', async () => {
      await importFixture('customs', 'vendor-d-utf16-pipe.txt');
      await importFixture('customs', 'vendor-b-2022.tsv');
      const index = await indexOf(db);
      const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
      const inOrder = (texts: string[]) =>
        texts.every((text, at) => at === 0 || collator.compare(texts[at - 1], text) <= 0);
      for (const [column, field] of [
        ['shipper', 'shipper'],
        ['consignee', 'consignee'],
        ['originCountry', 'originCountry'],
        ['hsCode', 'hsCode'],
        ['description', 'description'],
        ['dataset', 'datasetName'],
      ] as const) {
        const { rows } = index.query(emptyShipmentFilter, { column, direction: 'asc' });
        const texts = Array.from(rows, (at) => index.row(at)[field]);
        expect(rows).toHaveLength(360);
        const filled = texts.filter((text) => text.trim() !== '');
        // Empty values last; the rest in alphabetical order; descending is its exact reverse.
        expect(texts.slice(0, filled.length)).toEqual(filled);
        expect([column, inOrder(filled)]).toEqual([column, true]);
        const descending = index.query(emptyShipmentFilter, { column, direction: 'desc' }).rows;
        expect(Array.from(descending)).toEqual(Array.from(rows).reverse());
      }
    });

    it('puts a few matching rows and many in the order the whole result has, by every column', async () => {
      await importFixture('customs', 'vendor-d-utf16-pipe.txt');
      await importFixture('customs', 'vendor-b-2022.tsv');
      const index = await indexOf(db);
      // Few rows (under one in 16: sorted by their own values) and many (picked out of the order).
      const few = { ...emptyShipmentFilter, dateFrom: '2022-03-01', dateTo: '2022-03-25' };
      const many = { ...emptyShipmentFilter, dateFrom: '2022-03-01' };
      for (const filter of [few, many]) {
        const { summary } = index.query(filter, { column: 'row', direction: 'asc' });
        expect(summary.count * 16 < 360).toBe(filter === few);
        expect(summary.count).toBeGreaterThan(1);
      }
      for (const column of shipmentSortColumns)
        for (const direction of ['asc', 'desc'] as const) {
          const sort = { column, direction };
          const whole = Array.from(index.query(emptyShipmentFilter, sort).rows);
          for (const filter of [few, many]) {
            const { rows } = index.query(filter, sort);
            const passing = new Set(rows);
            expect([column, direction, Array.from(rows)]).toEqual([
              column,
              direction,
              whole.filter((row) => passing.has(row)),
            ]);
          }
        }
    });

    it('combines filters and keeps totals per currency', async () => {
      await importFixture('customs', 'vendor-d-utf16-pipe.txt');
      // A dataset whose values the user declares to be in euros: totals must never mix the two.
      await importFixture('customs', 'vendor-b-2022.tsv', {}, { defaultCurrency: 'EUR' });
      const index = await indexOf(db);
      const sort = { column: 'value', direction: 'desc' } as const;
      const all = index.query(emptyShipmentFilter, sort);
      expect(all.summary.count).toBe(360);
      expect(all.summary.valueByCurrency.map((entry) => entry.currency).sort()).toEqual([
        'EUR',
        'USD',
      ]);
      const eur = all.summary.valueByCurrency.find((entry) => entry.currency === 'EUR');
      expect(eur?.rows).toBe(300);
      const values = Array.from(all.rows.slice(0, 5), (row) => index.row(row).value ?? 0);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      const helicopters = index.query(
        {
          ...emptyShipmentFilter,
          words: 'mi-171e HELICOPTER',
          hsPrefix: '8807',
          dateFrom: '2022-01-01',
          dateTo: '2022-12-31',
        },
        sort,
      );
      expect(helicopters.summary.count).toBeGreaterThan(0);
      for (const row of Array.from(helicopters.rows, (at) => index.row(at))) {
        expect(row.hsCode.startsWith('8807')).toBe(true);
        expect(row.description.toLowerCase()).toContain('mi-171e');
        expect(row.date >= '2022-01-01' && row.date <= '2022-12-31').toBe(true);
      }
      const russia = index.query({ ...emptyShipmentFilter, originCountry: 'Россия' }, sort);
      expect(
        Array.from(russia.rows, (at) => index.row(at).originCountry).every((code) => code === 'RU'),
      ).toBe(true);
      const heavy = index.query(
        { ...emptyShipmentFilter, weightMin: '10000', valueMax: '500000' },
        sort,
      );
      for (const row of Array.from(heavy.rows, (at) => index.row(at))) {
        expect(row.weightKg ?? 0).toBeGreaterThanOrEqual(10000);
        expect(row.value ?? 0).toBeLessThanOrEqual(500000);
      }
    });
  });

for (const set of fixtureSets)
  describe.skipIf(!set.available)(`corroboration across datasets (${set.title})`, () => {
    const importFixture = importerFor(set);

    const ids = (...spellings: string[]) => spellings.map((raw) => implicitEntityId(partyKey(raw)));
    /** The story's four companies, merged as a user would: no rule can see these are one. */
    async function mergeStoryCompanies() {
      await mergeEntities(db, ids('POLY TECHNOLOGIES INC', 'POLY TECHNOLOGY INC.'), 'Poly');
      await mergeEntities(
        db,
        ids('JSC ULAN-UDE AVIATION PLANT', 'АО "УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД"', 'U-UAP JSC'),
        'Ulan-Ude Aviation Plant',
      );
      await mergeEntities(
        db,
        ids(
          'AVIC INTERNATIONAL HOLDING CORPORATION',
          'AVIC INTL HOLDING CORP',
          'CHINA NATIONAL AERO-TECHNOLOGY IMPORT & EXPORT CORP (AVIC INTERNATIONAL)',
        ),
        'AVIC International',
      );
      return mergeEntities(
        db,
        ids(
          'JSC UNITED ENGINE CORPORATION',
          'UNITED ENGINE CORP JSC (UEC)',
          'АО "ОБЪЕДИНЕННАЯ ДВИГАТЕЛЕСТРОИТЕЛЬНАЯ КОРПОРАЦИЯ"',
        ),
        'United Engine Corporation',
      );
    }
    const resolvedIndex = () => indexOf(db, true);

    it('finds exactly the 31 story shipments reported by both vendors once the parties are merged', async () => {
      await importFixture('customs', 'vendor-a-2022.csv', { origin: 'RU customs' });
      await importFixture('customs', 'vendor-b-2022.tsv', { origin: 'ru customs ' });
      const unmerged = await resolvedIndex();
      const before = new Set(Array.from(unmerged.view().groupOf).filter((group) => group >= 0));
      expect(before.size).toBeLessThan(31);

      await mergeStoryCompanies();
      const index = await resolvedIndex();
      const view = index.view();
      const matched = Array.from(view.groupOf).filter((group) => group >= 0);
      expect(new Set(matched).size).toBe(31);
      expect(matched.length).toBe(62);
      for (let group = 0; group < 31; group += 1) {
        const members = view.groupRows.subarray(view.groupStart[group], view.groupStart[group + 1]);
        expect(new Set(Array.from(members, (row) => view.dataset[row])).size).toBe(2);
      }
    });

    it('summarises a claim’s shipments: 13 distinct, 2 datasets, 1 origin, and recomputes after a split', async () => {
      await importFixture('customs', 'vendor-a-2022.csv', { vendor: 'A', origin: 'RU customs' });
      await importFixture('customs', 'vendor-b-2022.tsv', { vendor: 'B', origin: 'RU customs' });
      await mergeStoryCompanies();
      const idOf = async (name: string) =>
        (await db.entities.where('name').equals(name).first())!.id;
      const poly = await idOf('Poly');
      const plant = await idOf('Ulan-Ude Aviation Plant');
      const filter = {
        ...emptyShipmentFilter,
        shipperEntity: poly,
        consigneeEntity: plant,
        dateFrom: '2022-01-01',
        dateTo: '2022-12-31',
      };
      const index = await resolvedIndex();
      const { rows } = index.query(filter, { column: 'row', direction: 'asc' });
      const summary = summariseShipments(index.view(), rows);
      expect(summary).toMatchObject({
        sourceRows: 26,
        distinctShipments: 13,
        dateFrom: '2022-01-03',
        dateTo: '2022-11-15',
        origins: ['RU customs'],
        reportedBy: [{ datasets: 2, shipments: 13 }],
      });
      expect(summary.datasets.map((dataset) => [dataset.vendor, dataset.rows])).toEqual([
        ['A', 13],
        ['B', 13],
      ]);
      expect(summary.valueByCurrency.map((entry) => entry.shipments)).toEqual([13]);

      // Only vendor-a's rows cited: the matching vendor-b rows still count as reporting them.
      const vendorA = (await db.datasets.toArray()).find((dataset) => dataset.vendor === 'A')!;
      const onlyA = index.query(
        { ...filter, datasetIds: [vendorA.id] },
        { column: 'row', direction: 'asc' },
      );
      expect(summariseShipments(index.view(), onlyA.rows).reportedBy).toEqual([
        { datasets: 2, shipments: 13 },
      ]);

      // Splitting the abbreviation off the plant takes its rows out of the filter and of the matches.
      await splitSpelling(db, plant, 'U UAP');
      const after = await resolvedIndex();
      const split = after.query(filter, { column: 'row', direction: 'asc' });
      expect(split.rows.length).toBeLessThan(26);
    });

    it('profiles an entity: every spelling, both roles, counterparties ranked, shipments per month', async () => {
      await importFixture('customs', 'vendor-a-2022.csv');
      await importFixture('customs', 'vendor-b-2022.tsv');
      await mergeStoryCompanies();
      const index = await resolvedIndex();
      const poly = (await db.entities.where('name').equals('Poly').first())!.id;
      const names = new Map(
        (await db.entities.toArray()).map((entity) => [entity.id, entity.name]),
      );
      const profile = entityProfile(index.view(), index.entityNumberOf(poly), (id) =>
        names.get(id),
      );
      expect(profile.spellings.map((spelling) => spelling.spelling).sort()).toEqual([
        'POLY TECHNOLOGIES INC',
        'POLY TECHNOLOGIES INCORPORATED',
        'POLY TECHNOLOGY INC.',
        'Poly Technologies, Inc.',
      ]);
      // 13 shipments each way in each vendor's file: Poly → plant and plant → Poly (6 per file).
      expect([profile.asShipper, profile.asConsignee]).toEqual([26, 12]);
      // Counted as shipments, rows that report one shipment are one: 13 and 6, as a claim counts.
      expect([profile.shipmentsAsShipper, profile.shipmentsAsConsignee]).toEqual([13, 6]);
      expect(profile.counterparties[0]).toMatchObject({
        name: 'Ulan-Ude Aviation Plant',
        shipments: 38,
      });
      expect(
        profile.months.reduce((sum, month) => sum + month.asShipper + month.asConsignee, 0),
      ).toBe(38);
      const directory = entityDirectory(index.view(), (id) => names.get(id), new Set(names.keys()));
      expect(directory.find((listing) => listing.id === poly)).toMatchObject({
        stored: true,
        spellings: 4,
        shipments: 38,
      });
    });

    it('counts a query’s distinct shipments and their totals as a claim’s summary does', async () => {
      await importFixture('customs', 'vendor-a-2022.csv', { origin: 'RU customs' });
      await importFixture('customs', 'vendor-b-2022.tsv', { origin: 'RU customs' });
      await mergeStoryCompanies();
      const index = await resolvedIndex();
      const filter = { ...emptyShipmentFilter, party: 'poly tech', partyRole: 'shipper' as const };
      const { rows, summary } = index.query(filter, { column: 'date', direction: 'desc' });
      const claim = summariseShipments(
        index.view(),
        [...rows].sort((a, b) => a - b),
      );
      expect(summary.count).toBe(claim.sourceRows);
      expect(summary.shipments.count).toBe(claim.distinctShipments);
      expect(summary.shipments.count).toBeLessThan(summary.count);
      expect(summary.shipments.totalWeightKg).toBeCloseTo(claim.totalWeightKg, 6);
      expect(summary.shipments.valueByCurrency).toEqual(
        claim.valueByCurrency.map(({ currency, total }) => ({ currency, total })),
      );
    });

    it('answers a sort change with the same rows and totals, only reordered', async () => {
      await importFixture('customs', 'vendor-a-2022.csv', { origin: 'RU customs' });
      await importFixture('customs', 'vendor-b-2022.tsv', { origin: 'RU customs' });
      const index = await indexOf(db);
      const filter = { ...emptyShipmentFilter, originCountry: 'CN' };
      const byDate = index.query(filter, { column: 'date', direction: 'asc' });
      const byValue = index.query(filter, { column: 'value', direction: 'desc' });
      expect(byValue.summary).toEqual(byDate.summary);
      expect(Array.from(byValue.rows).sort((a, b) => a - b)).toEqual(
        Array.from(byDate.rows).sort((a, b) => a - b),
      );
      const values = Array.from(byValue.rows, (row) => index.row(row).value ?? Number.NaN);
      const known = values.filter((value) => !Number.isNaN(value));
      expect(known).toEqual([...known].sort((a, b) => b - a));
      // The pivot's rows after that query: the same rows, in row order.
      expect(Array.from(index.matching(filter))).toEqual(
        Array.from(byDate.rows).sort((a, b) => a - b),
      );
      // Distinct shipments under the new order: one row each, as many as the summary counts.
      const distinct = index.query(filter, { column: 'shipper', direction: 'asc' }, true);
      expect(distinct.rows.length).toBe(byDate.summary.shipments.count);
      // Another filter is counted afresh.
      const all = index.query(emptyShipmentFilter, { column: 'value', direction: 'desc' });
      expect(all.summary.count).toBeGreaterThan(byDate.summary.count);
      // No filter again after another (Clear filters): the same answer, kept beside the last one.
      index.query(filter, { column: 'date', direction: 'asc' });
      const cleared = index.query(emptyShipmentFilter, { column: 'date', direction: 'asc' });
      expect(cleared.summary).toBe(all.summary);
      expect(Array.from(cleared.rows).sort((a, b) => a - b)).toEqual(
        Array.from(all.rows).sort((a, b) => a - b),
      );
    });

    it('sorts by declaration and B/L number as codes, and by the datasets reporting', async () => {
      // Two vendors reporting the same shipments, so that some rows are reported by both.
      await importFixture('customs', 'vendor-a-2022.csv', { origin: 'RU customs' });
      await importFixture('customs', 'vendor-b-2022.tsv', { origin: 'RU customs' });
      await mergeStoryCompanies();
      const index = await resolvedIndex();
      const all = index.query(emptyShipmentFilter, { column: 'row', direction: 'asc' }).rows;
      for (const column of ['declarationId', 'billOfLading'] as const) {
        const { rows } = index.query(emptyShipmentFilter, { column, direction: 'asc' });
        expect(rows).toHaveLength(all.length);
        const texts = Array.from(rows, (at) => index.row(at)[column]);
        const filled = texts.filter((text) => text.trim() !== '');
        expect(texts.slice(0, filled.length)).toEqual(filled);
        expect([column, filled]).toEqual([column, [...filled].sort()]);
        if (column === 'declarationId') expect(new Set(filled).size).toBeGreaterThan(100);
      }
      const reported = index.query(emptyShipmentFilter, {
        column: 'reportedBy',
        direction: 'desc',
      });
      const counts = Array.from(reported.rows, (at) => index.row(at).reportedBy);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(counts[0]).toBe(2);
      expect(counts.at(-1)).toBe(1);
    });

    it('groups a filter by counterparty, HS code and month, each shipment once, and draws its network', async () => {
      await importFixture('customs', 'vendor-a-2022.csv', { origin: 'RU customs' });
      await importFixture('customs', 'vendor-b-2022.tsv', { origin: 'RU customs' });
      await mergeStoryCompanies();
      const index = await resolvedIndex();
      const names = new Map(
        (await db.entities.toArray()).map((entity) => [entity.id, entity.name]),
      );
      const namer = (id: string) => names.get(id);
      const poly = (await db.entities.where('name').equals('Poly').first())!.id;
      const plant = (await db.entities.where('name').equals('Ulan-Ude Aviation Plant').first())!;
      const filter = { ...emptyShipmentFilter, shipperEntity: poly };
      const rows = index.matching(filter);
      const options = { focus: index.focus(filter), namer, limit: 1000 };
      const byCounterparty = pivotShipments(index.view(), rows, 'counterparty', options);
      // Poly ships to the plant 13 times, each reported by both vendors (26 rows).
      expect(byCounterparty.groups[0]).toMatchObject({
        label: 'Ulan-Ude Aviation Plant',
        entityId: plant.id,
        shipments: 13,
        rows: 26,
      });
      const toPlant = index.query(
        { ...filter, consigneeEntity: plant.id },
        { column: 'row', direction: 'asc' },
      ).summary.shipments;
      expect(byCounterparty.groups[0].valueByCurrency).toEqual(toPlant.valueByCurrency);
      expect(byCounterparty.groups[0].weightKg).toBeCloseTo(toPlant.totalWeightKg, 6);

      // Every dimension's groups add up to the filter's distinct shipments and rows.
      const { summary } = index.query(filter, { column: 'row', direction: 'asc' });
      // One row a shipment, in the sort's order: as many as the distinct shipments.
      const byValue = { column: 'value', direction: 'desc' } as const;
      const distinct = index.query(filter, byValue, true);
      expect(distinct.rows.length).toBe(summary.shipments.count);
      expect(distinct.summary).toEqual(index.query(filter, byValue).summary);
      const shipmentOf = (row: number) => index.view().groupOf[row] ?? -1;
      const matched = Array.from(distinct.rows, shipmentOf).filter((group) => group >= 0);
      expect(new Set(matched).size).toBe(matched.length);
      const values = Array.from(distinct.rows, (row) => index.row(row).value ?? -1);
      expect(values).toEqual([...values].sort((x, y) => y - x));
      for (const by of pivotDimensions) {
        const pivot = pivotShipments(index.view(), rows, by, options);
        const sum = (field: 'shipments' | 'rows') =>
          pivot.groups.reduce((total, group) => total + group[field], 0);
        expect(pivot.groupCount, by).toBe(pivot.groups.length);
        expect(sum('rows') + pivot.ungroupedRows, by).toBe(summary.count);
        if (pivot.ungroupedRows === 0) expect(sum('shipments'), by).toBe(summary.shipments.count);
      }
      const months = pivotShipments(index.view(), rows, 'month', options).groups;
      expect(months.map((month) => month.label)).toEqual(
        [...months.map((month) => month.label)].sort(),
      );
      expect(months[0].label).toMatch(/^2022-\d\d$/);
      const chapters = pivotShipments(index.view(), rows, 'hsChapter', options).groups;
      expect(chapters.every((group) => /^\d\d$/.test(group.label))).toBe(true);

      // Without a party in the filter there is no other side to group by.
      const unfocused = pivotShipments(
        index.view(),
        index.matching(emptyShipmentFilter),
        'counterparty',
        {
          ...options,
          focus: index.focus(emptyShipmentFilter),
        },
      );
      expect(unfocused).toMatchObject({ needsParty: true, groups: [] });

      const network = shipmentNetwork(index.view(), rows, { namer, limit: 1000 });
      const edge = network.edges.find(
        (candidate) => network.nodes[candidate.consignee].id === plant.id,
      );
      expect(network.nodes[edge!.shipper].name).toBe('Poly');
      expect(edge).toMatchObject({ shipments: 13, rows: 26 });
      expect(network.edges.reduce((total, each) => total + each.shipments, 0)).toBe(
        summary.shipments.count,
      );
      // Of every row: the heaviest edges first, the same ones however many are asked for.
      const all = index.matching(emptyShipmentFilter);
      const whole = shipmentNetwork(index.view(), all, { namer, limit: 1000 });
      const weights = whole.edges.map((each) => each.shipments);
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
      expect(whole.edgeCount).toBe(whole.edges.length);
      const three = shipmentNetwork(index.view(), all, { namer, limit: 3 });
      expect(three.edgeCount).toBe(whole.edgeCount);
      const named = (net: typeof whole) =>
        net.edges.map((each) => [
          net.nodes[each.shipper].id,
          net.nodes[each.consignee].id,
          each.rows,
        ]);
      expect(named(three)).toEqual(named(whole).slice(0, 3));
    });

    it('writes the pivot as CSV with every cell formula-neutralised', () => {
      const csv = pivotCsv({
        by: 'shipper',
        groups: [
          {
            label: '=HYPERLINK("https://example.test","x")',
            entityId: 'e1',
            shipments: 2,
            rows: 3,
            valueByCurrency: [
              { currency: 'USD', total: -5 },
              { currency: 'EUR', total: 7.5 },
            ],
            weightKg: 10,
          },
        ],
        groupCount: 1,
        ungroupedRows: 0,
        needsParty: false,
      });
      expect(csv).toBe(
        '"Shipper","Distinct shipments","Rows","Value EUR","Value USD","Weight (kg)"\r\n' +
          '"\'=HYPERLINK(""https://example.test"",""x"")","2","3","7.5","\'-5","10"\r\n',
      );
    });

    it('counts datasets of different origins as independent', async () => {
      await importFixture('customs', 'vendor-a-2022.csv', { origin: 'RU customs' });
      await importFixture('customs', 'vendor-b-2022.tsv', { origin: 'CN customs' });
      await mergeStoryCompanies();
      const index = await resolvedIndex();
      const { rows } = index.query(emptyShipmentFilter, { column: 'row', direction: 'asc' });
      expect(summariseShipments(index.view(), rows).origins).toEqual(['CN customs', 'RU customs']);
    });

    it('never counts a dataset of no stated origin as one, and says how many rows it holds', async () => {
      await importFixture('customs', 'vendor-a-2022.csv', { origin: 'RU customs' });
      await importFixture('customs', 'vendor-b-2022.tsv', { origin: '  ' });
      await importFixture('customs', 'vendor-c-cp1251.csv', { origin: 'ru  Customs' });
      await mergeStoryCompanies();
      const index = await resolvedIndex();
      const { rows } = index.query(emptyShipmentFilter, { column: 'row', direction: 'asc' });
      const summary = summariseShipments(index.view(), rows);
      expect(summary.origins).toEqual(['RU customs']);
      const unknown = summary.datasets.find((dataset) => dataset.origin === 'origin unknown');
      expect(unknown?.rows).toBeGreaterThan(0);
      expect(summary.unknownOriginRows).toBe(unknown?.rows);
    });

    it('keeps each origin as first written: one typed again in another case or spacing is it', async () => {
      await importFixture('customs', 'vendor-a-2022.csv', { origin: 'RU customs' });
      await importFixture('customs', 'vendor-b-2022.tsv', { origin: ' ru   CUSTOMS ' });
      const datasets = await db.datasets.toArray();
      expect(datasets.map((dataset) => dataset.origin)).toEqual(['RU customs', 'RU customs']);
      const b = datasets.find((dataset) => dataset.fileName === 'vendor-b-2022.tsv')!;
      await updateProvenance(db, b.id, { vendor: 'B', origin: 'CN  customs' });
      // Pasted with what a reader cannot see: a soft hyphen, a zero-width space.
      await importFixture('customs', 'vendor-c-cp1251.csv', { origin: 'cn cus\u00adtoms\u200b' });
      const c = (await db.datasets.toArray()).find((dataset) =>
        dataset.fileName.startsWith('vendor-c'),
      );
      expect(c?.origin).toBe('CN customs');
      expect(knownOrigins(await db.datasets.toArray())).toEqual(['CN customs', 'RU customs']);
      expect(canonicalOrigin('A new one ', ['RU customs'])).toBe('A new one');
      // Nor a full-width letter or a Cyrillic look-alike: one origin, never a second.
      for (const lookalike of ['ＲU customs', 'RU \u0441ustoms', 'RU\u00a0customs'])
        expect(canonicalOrigin(lookalike, ['RU customs'])).toBe('RU customs');
    });
  });
