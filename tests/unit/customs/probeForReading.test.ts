import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PROBE_BYTES,
  probeFile,
  probeForReading,
  type FileProbe,
  type ProbeOverrides,
} from '../../../shared/customs/probe';
import { fixtureSets } from '../../fixtureSets';

type Chosen = ProbeOverrides & { headerLine: number };

/** A file's bytes as a probe takes them: its start, its size, and the whole when asked. */
const probed = (bytes: Uint8Array) =>
  [bytes.subarray(0, PROBE_BYTES), bytes.length, () => Promise.resolve(bytes)] as const;

/** What the probe for reading gives of a file, or the message it fails with. */
const reading = (name: string, bytes: Uint8Array, overrides: Chosen) =>
  probeForReading(name, ...probed(bytes), overrides).catch((error: Error) => error.message);

/** The same fields of the preview's whole probe, or the message it fails with. */
const previewed = (name: string, bytes: Uint8Array, overrides: Chosen) =>
  probeFile(name, ...probed(bytes), overrides).then(
    ({ format, encoding, delimiter, sheet, excelDates, headers }: FileProbe) => ({
      format,
      encoding,
      delimiter,
      sheet,
      excelDates,
      headers,
    }),
    (error: Error) => error.message,
  );

/**
 * A file's differences between the two probes, over its first `lines` lines as header rows (the
 * empty list when they agree). The preview's probe also fails on a file with a header and nothing
 * under it; the import says so once it has read the file, so such lines are left out.
 */
async function differences(name: string, bytes: Uint8Array, lines: number, overrides = {}) {
  const found: string[] = [];
  for (let headerLine = 1; headerLine <= lines; headerLine += 1) {
    const chosen = { ...overrides, headerLine };
    const expected = await previewed(name, bytes, chosen);
    if (typeof expected === 'string' && expected.includes('a header but no records')) continue;
    const actual = await reading(name, bytes, chosen);
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      found.push(`${name}, header on line ${headerLine}: ${JSON.stringify(actual)}`);
  }
  return found;
}

const encode = (text: string) => new TextEncoder().encode(text);

describe('the probe an import reads a file with', () => {
  for (const set of fixtureSets) {
    it.skipIf(!set.available)(`reads the header the preview reads, in ${set.title}`, async () => {
      const folder = set.path('customs');
      const found: string[] = [];
      for (const name of readdirSync(folder)) {
        const bytes = new Uint8Array(readFileSync(path.join(folder, name)));
        found.push(...(await differences(name, bytes, 8)));
      }
      expect(found).toEqual([]);
    });
  }

  it('reads past its first pieces to a header far down, across a quoted cell of many lines', async () => {
    const titles = Array.from({ length: 4_000 }, (_, line) => `Title line ${line};;`).join('\n');
    const quoted = `"a note\n${'over many lines;\n'.repeat(6_000)}end";;\n`;
    const text = `${titles}\n${quoted}DATE;SHIPPER;CONSIGNEE\n01.02.2022;A;B\n`;
    const bytes = encode(text);
    expect(bytes.length).toBeGreaterThan(2 * 64 * 1024);
    const header = text.split('\n').indexOf('DATE;SHIPPER;CONSIGNEE') + 1;
    expect(await reading('far.csv', bytes, { headerLine: header })).toMatchObject({
      delimiter: ';',
      headers: ['DATE', 'SHIPPER', 'CONSIGNEE'],
    });
    // A line inside the quoted cell starts no record.
    expect(await reading('far.csv', bytes, { headerLine: 4_010 })).toBe(
      'far.csv: row 4010 is blank or beyond the rows read',
    );
    expect(await differences('far.csv', bytes, 3)).toEqual([]);
  });

  it('fails as the preview does: a blank row, a row past the end, a quote that never closes', async () => {
    const file = encode('DATE,SHIPPER\n\n01.02.2022,A\n');
    expect(await reading('blank.csv', file, { headerLine: 2 })).toBe(
      'blank.csv: row 2 is blank or beyond the rows read',
    );
    expect(await reading('blank.csv', file, { headerLine: 9 })).toBe(
      'blank.csv: row 9 is blank or beyond the rows read',
    );
    const unbalanced = encode('Title\n"DATE,SHIPPER\n01.02.2022,A\n');
    for (const headerLine of [2, 3]) {
      expect(await reading('quote.csv', unbalanced, { headerLine })).toBe(
        await previewed('quote.csv', unbalanced, { headerLine }),
      );
    }
    // Above the quote, the header reads; the import's reading then says where the quote opened.
    expect(await reading('quote.csv', unbalanced, { headerLine: 1 })).toMatchObject({
      headers: ['Title'],
    });
    expect(await differences('blank.csv', file, 4)).toEqual([]);
    expect(await differences('empty.csv', new Uint8Array(0), 1)).toEqual([]);
  });

  it('reads with the encoding and delimiter chosen over those detected', async () => {
    const bytes = encode('DATE;SHIPPER,NAME\n01.02.2022;A,B\n');
    expect(await differences('chosen.csv', bytes, 2, { delimiter: ',' })).toEqual([]);
    expect(await reading('chosen.csv', bytes, { headerLine: 1, delimiter: ',' })).toMatchObject({
      headers: ['DATE;SHIPPER', 'NAME'],
    });
    expect(
      await differences('chosen.csv', bytes, 2, { encoding: 'windows-1251', delimiter: ';' }),
    ).toEqual([]);
  });
});
