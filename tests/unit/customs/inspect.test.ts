import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../scripts/inspect';
import { fixtureSets } from '../../fixtureSets';

const run = promisify(execFile);
/** Starting the command (npx, then tsx compiling it) takes about 3 s alone, more on a busy machine. */
const CLI_TIMEOUT = 30_000;

for (const set of fixtureSets)
  describe.skipIf(!set.available)(`inspect on the customs fixtures (${set.title})`, () => {
    it.each([
      ['vendor-a-2022.csv', 'utf-8', 'comma', 400],
      ['vendor-b-2022.tsv', 'utf-8', 'tab', 300],
      ['vendor-c-cp1251.csv', 'windows-1251', 'semicolon', 120],
      ['vendor-d-utf16-pipe.txt', 'utf-16le', 'pipe', 60],
    ])('%s: %s, %s, %d rows, all accepted', async (name, encoding, delimiter, rows) => {
      const report = await inspectFile(set.path('customs', name), 3);
      expect(report).toMatchObject({
        encoding,
        delimiter,
        headerRow: 1,
        unmappedRequired: [],
        problems: [],
      });
      expect(report.rows).toEqual({
        total: rows,
        accepted: rows,
        rejected: 0,
        blank: 0,
        duplicates: 0,
      });
      expect(report.records).toHaveLength(3);
      expect(report.records[0]?.rowNumber).toBe(2);
      expect(report.sha256).toBe(
        createHash('sha256')
          .update(readFileSync(set.path('customs', name)))
          .digest('hex'),
      );
    });

    it('reads vendor-c’s Cyrillic, day-first dates and decimal commas', async () => {
      const report = await inspectFile(set.path('customs', 'vendor-c-cp1251.csv'), 400);
      expect(report).toMatchObject({
        dateOrder: 'DMY',
        decimalComma: true,
        defaultCurrency: 'USD',
      });
      expect(report.records[0]).toMatchObject({
        ...set.answers.vendorCFirstRecord,
        originCountry: 'CN',
      });
      expect(report.records.some((record) => record.consignee.includes('УЛАН-УДЭНСКИЙ'))).toBe(
        true,
      );
    });

    it('gives the outcome of every row of mixed-row-errors.csv', async () => {
      const report = await inspectFile(set.path('bad', 'mixed-row-errors.csv'), 20);
      expect(report.rows).toEqual({ total: 11, accepted: 4, rejected: 7, blank: 1, duplicates: 1 });
      expect(report.records.map((record) => record.rowNumber)).toEqual([4, 9, 10, 11]);
      expect(report.records.find((record) => record.rowNumber === 4)).toMatchObject({
        shipper: '',
      });
      expect(report.records.find((record) => record.rowNumber === 10)).toMatchObject({
        date: '2022-03-07',
        hsCode: expect.stringMatching(/^\d{8}$/) as unknown,
      });
      expect(report.records.find((record) => record.rowNumber === 11)?.duplicateOf).toBe(9);
      expect(
        report.problems.map((problem) => [problem.rowNumber, problem.field, problem.code]),
      ).toEqual([
        [2, 'date', 'bad-date'],
        [3, 'date', 'bad-date'],
        [5, 'weightKg', 'negative-number'],
        [6, 'weightKg', 'bad-number'],
        [7, 'row', 'column-count'],
        [8, 'row', 'column-count'],
        [13, 'shipper', 'missing-party'],
      ]);
    });

    it('keeps hostile content verbatim, line breaks inside fields included', async () => {
      // Every date of the team's copy is `03/01/2022`: the order is not the data's to decide.
      const report = await inspectFile(set.path('bad', 'hostile-content.csv'), 17, {
        dateOrder: 'MDY',
      });
      expect(report.rows?.accepted).toBe(17);
      expect(report.records.some((record) => record.shipper.startsWith('=HYPERLINK('))).toBe(true);
      expect(report.records.some((record) => record.description.length === 100_000)).toBe(true);
    });

    it.each([
      ['empty.csv', 'empty.csv: the file is empty'],
      ['header-only.csv', 'header-only.csv: row 1: the file has a header but no records'],
      [
        'binary-garbage.csv',
        'binary-garbage.csv: this is binary data, not a delimited text file or a workbook',
      ],
      ['unbalanced-quote.csv', 'unbalanced-quote.csv: row 12: a quote opens here and never closes'],
    ])(
      'refuses %s from the command line with exit 1 and “%s”',
      async (name, message) => {
        const failure = await run('npx', [
          'tsx',
          'scripts/inspect.ts',
          set.path('bad', name),
        ]).catch((error: { code: number; stderr: string }) => error);
        expect(failure).toMatchObject({ code: 1 });
        expect((failure as { stderr: string }).stderr.trim()).toBe(message);
      },
      CLI_TIMEOUT,
    );

    it(
      'prints JSON and exits 0 for an importable file',
      async () => {
        const { stdout } = await run('npx', [
          'tsx',
          'scripts/inspect.ts',
          set.path('customs', 'vendor-b-2022.tsv'),
          '--sample',
          '2',
        ]);
        const report = JSON.parse(stdout) as {
          records: unknown[];
          mapping: Record<string, string | null>;
        };
        expect(report.records).toHaveLength(2);
        expect(report.mapping.source_vendor).toBeNull();
      },
      CLI_TIMEOUT,
    );
  });
