/**
 * `npm run fixtures`: writes the project's own test files into tests/fixtures/ (committed). The
 * text and workbook files are deterministic (a unit test regenerates and compares them); the PDFs
 * need fonts from Debian's fonts-dejavu-core and fonts-droid-fallback and, for the encrypted one,
 * qpdf. `npm run fixtures -- --large FILE ROWS SEED` writes a large vendor-A file instead (for the
 * tests that need an import still running, and for benchmarks).
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vendorACsv } from './fixtures/customsLayouts';
import { customsFixtureFiles, vendorARows } from './fixtures/customsFixtures';
import {
  companyProfile,
  amendedNotice,
  amendedNoticeCorrected,
  designationNotice,
  encrypted,
  javaScriptAction,
  longReport,
  scannedNotice,
  scannedNoticeRussian,
  softHyphenNotice,
  truncated,
} from './fixtures/pdfFixtures';

export const fixturesFolder = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'tests',
  'fixtures',
);

async function pdfFixtureFiles(): Promise<Record<string, Uint8Array>> {
  const notice = await designationNotice();
  return {
    'pdf/designation-notice.pdf': notice,
    'pdf/company-profile.pdf': await companyProfile(),
    'pdf/amended-notice.pdf': await amendedNotice(),
    'pdf/amended-notice-corrected.pdf': await amendedNoticeCorrected(),
    'pdf/long-report-300p.pdf': await longReport(),
    'pdf/scanned-notice.pdf': await scannedNotice(),
    'pdf/scanned-notice-ru.pdf': await scannedNoticeRussian(),
    'pdf/soft-hyphen-notice.pdf': await softHyphenNotice(),
    'bad/encrypted-password-secret.pdf': encrypted(notice),
    'bad/js-action.pdf': await javaScriptAction(),
    'bad/truncated.pdf': truncated(notice),
  };
}

/** Writes `rows` vendor-A rows to `file`, a block at a time. */
export async function writeLargeVendorFile(
  file: string,
  rows: number,
  seed: number,
): Promise<void> {
  const shipments = vendorARows(rows, seed);
  const out = createWriteStream(file);
  const block = 20_000;
  for (let start = 0; start < shipments.length; start += block) {
    const text = vendorACsv(shipments.slice(start, start + block), start);
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

async function main(args: string[]) {
  if (args[0] === '--large') {
    const [file, rows, seed] = args.slice(1);
    await writeLargeVendorFile(file, Number(rows), Number(seed ?? 1));
    return;
  }
  const files = { ...customsFixtureFiles(), ...(await pdfFixtureFiles()) };
  for (const [name, bytes] of Object.entries(files)) {
    const target = path.join(fixturesFolder, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    console.log(`${name}: ${bytes.length} bytes`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
