import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openClaim, openSampleInvestigation, openTab } from './app';
import { exportPackageFile } from './dossierExports';

const ORIGINALS = ['assets/sample/sample-vendor-x.csv', 'assets/sample/sample-vendor-y.tsv'];

/** `npm run verify` on a package and the sample's original files: its exit code and its report. */
function verify(zip: string): { status: number | null; output: string } {
  const run = spawnSync('npx', ['tsx', 'scripts/verify.ts', zip, ...ORIGINALS], {
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

type Json = {
  sections: {
    claims: {
      text: string;
      summary: { distinctShipments: number };
      citations: { kind: string; targets: string[] }[];
    }[];
  }[];
  shipments: {
    id: string;
    dataset: string;
    cited: boolean;
    shipment: string;
    raw: { value: string }[];
  }[];
};

/** A copy of the package with a change, the manifest's hashes made to agree unless said not to. */
function forged(zip: string, change: (files: Record<string, Uint8Array>) => void, rehash = true) {
  const files = unzipSync(readFileSync(zip));
  change(files);
  if (rehash) {
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as {
      files: { name: string; bytes: number; sha256: string }[];
    };
    for (const file of manifest.files) {
      file.bytes = files[file.name].length;
      file.sha256 = bytesToHex(sha256(files[file.name]));
    }
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
  }
  const copy = zip.replace(/\.zip$/, `-forged-${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(copy, zipSync(files));
  return copy;
}

const editJson = (change: (dossier: Json) => void) => (files: Record<string, Uint8Array>) => {
  const dossier = JSON.parse(strFromU8(files['dossier.json'])) as Json;
  change(dossier);
  files['dossier.json'] = strToU8(JSON.stringify(dossier, null, 2));
};

/** Links the first two rows of vendor X that name the sample's exporter as shipper to the claim. */
async function citeTwoRows(page: Page, claim: string): Promise<void> {
  await openTab(page, 'Shipments');
  await page.getByLabel('Party', { exact: true }).fill('northstar');
  await page.getByLabel('Party role').selectOption('shipper');
  await page
    .getByRole('search', { name: 'Filter shipments' })
    .getByLabel('Dataset')
    .selectOption({ label: 'sample-vendor-x.csv' });
  // Each of the 13 shipments is reported by vendor Y too.
  await expect(page.getByRole('status', { name: 'Filtered shipments' })).toContainText(
    /^13 shipments from 13 of \d+ rows/,
  );
  for (const nth of [1, 2]) {
    await page.getByRole('table', { name: 'Shipments' }).getByRole('row').nth(nth).click();
    const detail = page.getByRole('complementary', { name: /^Row \d+ of / });
    await detail.getByRole('button', { name: 'Link to claim' }).click();
    const link = page.getByRole('dialog', { name: /^Link to claim: 2022-/ });
    await link.getByLabel('Claim').selectOption({ label: claim });
    await link.getByRole('button', { name: 'Link' }).click();
    await expect(link).toBeHidden();
  }
}

test('the sample’s packages pass the verifier; a changed figure, cell, row or hash fails it', async ({
  page,
}) => {
  // The sample, two exports and six runs of the verifier.
  test.setTimeout(240_000);
  await page.goto('/');
  await openSampleInvestigation(page);
  const claim = 'The exporter was first designated in 2013, and again in 2022.';
  await citeTwoRows(page, claim);
  await openTab(page, 'Claims');
  await openClaim(page, claim);
  await expect(page.getByRole('list', { name: 'Cited shipment', exact: true })).toContainText(
    'sample-vendor',
  );

  await openTab(page, 'Dossier');
  const full = await exportPackageFile(page);
  // In the publication profile the background source “Invented Official” is hidden, and the
  // sample's notice says “invented”: the name check asks, and the user says it is not the person.
  await page.getByLabel('Profile').selectOption({ label: 'Publication' });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const blocked = page.getByRole('dialog', { name: 'A confidential name would leave the machine' });
  await blocked.getByRole('button', { name: /^Not this person: The dossier’s notice/ }).click();
  const download = page.waitForEvent('download');
  await blocked.getByRole('button', { name: 'Export now' }).click();
  const publication = full.replace(/\.zip$/, '-publication.zip');
  await (await download).saveAs(publication);
  for (const zip of [full, publication]) {
    const { status, output } = verify(zip);
    expect(output).toMatch(/^\d+ checks, 0 mismatches/);
    expect(status, output).toBe(0);
  }

  // The two single rows of vendor X come with vendor Y's rows that report the same shipments.
  const dossier = JSON.parse(strFromU8(unzipSync(readFileSync(full))['dossier.json'])) as Json;
  const cited = dossier.sections
    .flatMap((section) => section.claims)
    .find((entry) => entry.text === claim)!
    .citations.filter((citation) => citation.kind === 'shipment')
    .flatMap((citation) => citation.targets);
  expect(cited).toHaveLength(2);
  for (const id of cited) {
    const row = dossier.shipments.find((entry) => entry.id === id)!;
    expect(row.dataset).toBe('sample-vendor-x.csv');
    const matches = dossier.shipments.filter(
      (entry) => entry.shipment === row.shipment && entry.id !== id,
    );
    expect(matches.map((entry) => entry.dataset)).toEqual(['sample-vendor-y.tsv']);
  }

  const failures: [string, RegExp][] = [
    [
      forged(
        full,
        editJson((json) => {
          json.sections[0].claims[0].summary.distinctShipments += 1;
        }),
      ),
      /MISMATCH Claim 1: distinctShipments: states \d+; its rows give \d+/,
    ],
    [
      forged(
        full,
        editJson((json) => {
          json.shipments[0].raw[1].value = 'ALTERED';
        }),
      ),
      /MISMATCH Row S1: cell 2 \(.*\) is “ALTERED”; sample-vendor-.* line \d+ has “/,
    ],
    [
      forged(
        full,
        editJson((json) => {
          json.shipments = json.shipments.filter((row) => row.id !== 'S1');
        }),
      ),
      /MISMATCH .*S1.* (does not hold|do not hold)/,
    ],
    [
      forged(
        full,
        (files) => {
          files['cited-shipments.csv'] = strToU8(`${strFromU8(files['cited-shipments.csv'])}x\n`);
        },
        false,
      ),
      /MISMATCH cited-shipments\.csv: its SHA-256 is [0-9a-f]{64}, the manifest says [0-9a-f]{64}/,
    ],
  ];
  for (const [zip, named] of failures) {
    const { status, output } = verify(zip);
    expect(output).toMatch(named);
    expect(status, output).toBe(1);
  }

  // The same checks in the app, on the "Verify a dossier" page, for the package and a forgery.
  await page.getByRole('link', { name: 'Verify a dossier' }).click();
  await page.getByLabel('Dossier package (.zip)').setInputFiles(full);
  await page.getByLabel('Original customs files (optional)').setInputFiles(ORIGINALS);
  await page.getByRole('button', { name: 'Verify' }).click();
  const result = page.getByRole('status', { name: 'Verification result' });
  await expect(result).toContainText(/package\.zip: \d+ checks, no mismatch, 0 redacted\./);
  // Every row was checked against its file; what stays unchecked is said.
  const unchecked = page.getByRole('region', { name: 'Not checked' });
  await expect(unchecked).toContainText('Excerpts are checked for their document hash only');
  await expect(unchecked).not.toContainText('were not checked against the file');
  await page.getByLabel('Dossier package (.zip)').setInputFiles(failures[0][0]);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(result).toContainText(/\d+ checks, 3 mismatches/);
  await expect(page.getByRole('region', { name: 'Mismatches' })).toContainText(
    /Claim 1: distinctShipments: states \d+; its rows give \d+/,
  );
});
