import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { updateProvenance } from '../../renderer/src/case/datasets/datasetMutations';
import { collectDossierInput } from '../../renderer/src/features/dossier/collectDossierInput';
import { buildDossier } from '../../shared/dossier/build';
import { dossierFiles, packageDossier, sha256Hex } from '../../shared/dossier/dossierPackage';
import type { Dossier, DossierProfile } from '../../shared/dossier/model';
import { UnreadablePackage, verifyPackage } from '../../shared/dossier/verify';
import { cellMatches } from '../../shared/dossier/verifyCells';
import { engineOf, matchedCase, SAMPLE_X, SAMPLE_Y } from './dossierCases';

const originals = [SAMPLE_X, SAMPLE_Y].map((file) => ({
  name: file.split('/').at(-1)!,
  bytes: new Uint8Array(readFileSync(file)),
}));

async function packageOf(profile: DossierProfile, originOfY?: string): Promise<Uint8Array> {
  const { db, investigation } = await matchedCase();
  if (originOfY !== undefined) {
    const datasetY = (await db.datasets.toArray()).find((dataset) => dataset.vendor === 'Y')!;
    await updateProvenance(db, datasetY.id, { vendor: 'Y', origin: originOfY });
  }
  const input = await collectDossierInput(db, investigation, await engineOf(db), new Date());
  const dossier = buildDossier(input, { profile, selection: { kind: 'all' } });
  return packageDossier(dossier, dossierFiles(dossier, null), { pdfMissingBecause: 'test' });
}

/** A copy of a package with its dossier.json changed, and the manifest made to agree. */
function forged(zip: Uint8Array, change: (dossier: Dossier) => void, rehash = true): Uint8Array {
  const files = unzipSync(zip);
  const dossier = JSON.parse(strFromU8(files['dossier.json'])) as Dossier;
  change(dossier);
  files['dossier.json'] = strToU8(`${JSON.stringify(dossier, null, 2)}\n`);
  if (rehash) {
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as {
      files: { name: string; bytes: number; sha256: string }[];
    };
    for (const file of manifest.files) {
      file.bytes = files[file.name].length;
      file.sha256 = sha256Hex(files[file.name]);
    }
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
  }
  return zipSync(files);
}

const mismatchesOf = async (zip: Uint8Array, files = originals) =>
  (await verifyPackage(zip, files)).mismatches.map((entry) => `${entry.where}: ${entry.message}`);

describe('the dossier verifier', () => {
  it.each(['full', 'publication'] as const)(
    'passes a %s package as exported, its rows checked against the original files',
    async (profile) => {
      const zip = await packageOf(profile);
      const report = await verifyPackage(zip, originals);
      expect(report.mismatches).toEqual([]);
      expect(report.checks).toBeGreaterThan(50);
      expect(report.limits).toEqual([]);
      // Without the files, it says what it could not check.
      const alone = await verifyPackage(zip);
      expect(alone.mismatches).toEqual([]);
      expect(alone.limits.join('\n')).toMatch(/sample-vendor-x\.csv were not checked/);
    },
  );

  it('counts an origin of characters that show nothing as unknown, as the app does', async () => {
    const report = await verifyPackage(await packageOf('full', '\u200B'), originals);
    expect(report.mismatches).toEqual([]);
  });

  it('names a changed figure, a changed raw cell, a removed row and a changed hash', async () => {
    const zip = await packageOf('full');
    expect(
      await mismatchesOf(
        forged(zip, (dossier) => {
          dossier.sections[0].claims[0].summary.distinctShipments = 3;
        }),
      ),
    ).toEqual([
      'dossier.html: does not say what dossier.json says',
      'dossier.md: does not say what dossier.json says',
      'Claim 1: distinctShipments: states 3; its rows give 2',
    ]);

    const cell = await mismatchesOf(
      forged(zip, (dossier) => {
        dossier.shipments[0].raw[2].value = 'SOMEONE ELSE';
      }),
    );
    expect(cell).toContain('dossier.html: does not say what dossier.json says');
    expect(cell.find((line) => line.startsWith('Row S1: cell 3'))).toMatch(
      /is “SOMEONE ELSE”; sample-vendor-x\.csv line \d+ has “/,
    );

    const removed = await mismatchesOf(
      forged(zip, (dossier) => {
        dossier.shipments = dossier.shipments.filter((row) => row.id !== 'S2');
      }),
    );
    expect(removed).toContain('Claim 1: derivation: names rows the dossier does not hold: S2, S2');

    const files = unzipSync(zip);
    files['dossier.md'] = strToU8(`${strFromU8(files['dossier.md'])}\nAn added line.\n`);
    const hash = await mismatchesOf(zipSync(files));
    expect(hash).toHaveLength(2);
    expect(hash[0]).toMatch(/^dossier\.md: its SHA-256 is [0-9a-f]{64}, the manifest says/);
    expect(hash[1]).toBe('dossier.md: does not say what dossier.json says');
  });

  it('names an excerpt whose reading changed more than its line ends', async () => {
    const zip = await packageOf('full');
    const withExcerpt = (reading: string) =>
      forged(zip, (dossier) => {
        dossier.excerpts.push({
          id: 'E9',
          document: 'Notice',
          documentSha256: 'a'.repeat(64),
          page: 1,
          quote: 'The designa-\ntion of the state-\nowned plant',
          reading,
          prefix: '',
          suffix: '',
          position: { start: 0, end: 40 },
          createdAt: '2026-01-01T00:00:00.000Z',
          comment: null,
          ocr: null,
        });
      });
    const excerptLines = async (reading: string) =>
      (await mismatchesOf(withExcerpt(reading))).filter((line) => line.startsWith('Excerpt'));
    expect(await excerptLines('The designation of the state-owned plant')).toEqual([]);
    expect(await excerptLines('The designa-tion of the stateowned plant')).toEqual([]);
    expect(await excerptLines('The nomination of the state-owned plant')).toEqual([
      'Excerpt E9: differs from its text as extracted by more than spacing and hyphens at line ends',
    ]);
  });

  it('names a match that breaks the stated rule, and a figure of the rows it makes', async () => {
    const zip = await packageOf('full');
    const mismatches = await mismatchesOf(
      forged(zip, (dossier) => {
        const match = dossier.shipments.find((row) => !row.cited)!;
        match.date = '1999-01-01';
      }),
      [],
    );
    expect(mismatches.some((line) => /^Shipment M\d: rows .* are not all linked/.test(line))).toBe(
      true,
    );
  });

  it('reports a redacted cell as redacted, not as a mismatch', () => {
    expect(cellMatches('[redacted: Confidential source A] INC.', 'POLY TECHNOLOGIES INC.')).toBe(
      true,
    );
    expect(cellMatches('[redacted: Confidential source A] LTD.', 'POLY TECHNOLOGIES INC.')).toBe(
      false,
    );
    expect(cellMatches('a (b)', 'a (b)')).toBe(true);
  });

  it('refuses what is not a dossier package, in words', async () => {
    await expect(verifyPackage(strToU8('not a zip'))).rejects.toThrow(UnreadablePackage);
    await expect(verifyPackage(zipSync({ '../evil': strToU8('x') }))).rejects.toThrow(
      'unexpected path',
    );
    await expect(verifyPackage(zipSync({ 'manifest.json': strToU8('{}') }))).rejects.toThrow(
      'not a dossier manifest',
    );
    const schema = await mismatchesOf(
      forged(await packageOf('full'), (dossier) => {
        (dossier as { title: unknown }).title = 7;
      }),
    );
    expect(schema).toEqual([expect.stringMatching(/^dossier\.json title: /)]);
  });
});
