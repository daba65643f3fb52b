import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { investigationDb } from '../../../renderer/src/db/databases';
import { InvestigationDb, investigationDbName } from '../../../renderer/src/db/schema';
import { deleteDataset } from '../../../renderer/src/features/datasets/datasetMutations';
import {
  choicesFromPreview,
  importDataset,
  previewImport,
  rollBackInterruptedImports,
} from '../../../renderer/src/features/datasets/importDataset';
import type { ImportChoices } from '../../../renderer/src/features/datasets/importTypes';
import { createInvestigation } from '../../../renderer/src/features/investigations/investigationMutations';
import { emptyShipmentFilter } from '../../../shared/customs/shipmentFilter';
import { ShipmentIndex } from '../../../shared/customs/shipmentIndex';
import { fixture } from '../../fixturePath';

let db: InvestigationDb;

beforeEach(async () => {
  db = investigationDb((await createInvestigation('Customs')).id);
});

const blobOf = (...parts: string[]) => new Blob([readFileSync(fixture(...parts))]);

async function importFixture(
  folder: string,
  name: string,
  labels: { vendor?: string; origin?: string } = {},
  changes: Partial<ImportChoices> = {},
) {
  const file = blobOf(folder, name);
  const choices = choicesFromPreview(await previewImport(db, file, name), labels);
  return importDataset(db, file, name, { ...choices, ...changes });
}

async function indexOf(target: InvestigationDb) {
  const datasets = await target.datasets.where('status').equals('complete').toArray();
  const blocks = await target.shipmentBlocks.toArray();
  return new ShipmentIndex(
    datasets,
    blocks,
    datasets.reduce((sum, dataset) => sum + dataset.counts.accepted, 0),
  );
}

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
    expect(await db.mappings.count()).toBe(1);
    const cells = await db.shipmentCells.get([dataset.id, 0]);
    expect(cells?.cells[0]?.[0]).toBe('10100037/180722/0000001');
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

  it('remembers a changed mapping for files with the same headers', async () => {
    const file = blobOf('customs', 'vendor-b-2022.tsv');
    const preview = await previewImport(db, file, 'vendor-b-2022.tsv');
    await importDataset(db, file, 'vendor-b-2022.tsv', {
      ...choicesFromPreview(preview),
      mapping: { ...preview.mapping, description: null },
    });
    expect((await previewImport(db, file, 'again.tsv')).mapping.description).toBeNull();
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
    ]).toEqual([0, 0, 0]);
  });

  it('rolls back an import that a crash cut short', async () => {
    const dataset = await importFixture('customs', 'vendor-c-cp1251.csv');
    await db.datasets.update(dataset.id, { status: 'importing' });
    expect(await rollBackInterruptedImports(db)).toEqual(['vendor-c-cp1251.csv']);
    expect([
      await db.datasets.count(),
      await db.shipmentBlocks.count(),
      await db.shipmentCells.count(),
    ]).toEqual([0, 0, 0]);
  });

  it('deletes a dataset with its shipments, problems and, once unused, its file', async () => {
    const dataset = await importFixture('bad', 'mixed-row-errors.csv');
    await deleteDataset(db, dataset.id);
    expect([
      await db.datasets.count(),
      await db.shipmentBlocks.count(),
      await db.rowProblems.count(),
      await db.files.count(),
    ]).toEqual([0, 0, 0, 0]);
  });
});

describe('the shipment engine', () => {
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

describe('schema upgrades', () => {
  it('opens a version-1 database and keeps its claims', async () => {
    const id = 'schema-upgrade-test';
    const v1 = new Dexie(investigationDbName(id));
    v1.version(1).stores({
      statuses: 'id, order',
      sections: 'id, order',
      claims: 'id, statusId, *tags, sectionId, order, updatedAt',
      audit: '++id, [table+recordId], at',
    });
    await v1.table('claims').add({
      id: 'c1',
      text: 'Old claim',
      statusId: 's',
      tags: [],
      sectionId: null,
      order: 1,
      createdAt: 0,
      updatedAt: 0,
    });
    v1.close();
    const upgraded = new InvestigationDb(id);
    expect(upgraded.verno).toBe(5);
    expect((await upgraded.claims.get('c1'))?.text).toBe('Old claim');
    expect(await upgraded.datasets.count()).toBe(0);
    expect(await upgraded.documents.count()).toBe(0);
    upgraded.close();
  });

  it('opens a version-2 database and keeps its datasets', async () => {
    const id = 'schema-upgrade-v2';
    const v2 = new Dexie(investigationDbName(id));
    v2.version(1).stores({
      statuses: 'id, order',
      sections: 'id, order',
      claims: 'id, statusId, *tags, sectionId, order, updatedAt',
      audit: '++id, [table+recordId], at',
    });
    v2.version(2).stores({
      datasets: 'id, status, fileSha256',
      mappings: 'signature',
      shipmentBlocks: '[datasetId+blockNo], datasetId',
      shipmentCells: '[datasetId+blockNo], datasetId',
      rowProblems: '++id, datasetId, [datasetId+rowNumber]',
      files: 'sha256',
      savedFilters: 'id, name',
    });
    await v2.table('savedFilters').add({ id: 'f1', name: 'Poly', filter: {}, createdAt: 0 });
    v2.close();
    const upgraded = new InvestigationDb(id);
    expect(upgraded.verno).toBe(5);
    expect((await upgraded.savedFilters.get('f1'))?.name).toBe('Poly');
    expect(await upgraded.excerpts.count()).toBe(0);
    upgraded.close();
  });
});
