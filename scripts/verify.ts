/**
 * Verifies a dossier package without the app:
 *   npm run verify -- PACKAGE.zip [ORIGINAL FILES…]
 * Checks every file's hash against the manifest, that the readable formats say what dossier.json
 * says, every figure against the rows and derivations it holds, every match against the stated
 * rule, and, for each original file given, every row's raw cells at its line. Prints what it found
 * and what it could not check; exits 0 when nothing differs, 1 when something does or the package
 * cannot be read.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UnreadablePackage, verifyPackage, type VerifyReport } from '../shared/dossier/verify';

function print(report: VerifyReport): void {
  const lines = [
    `${report.checks} checks, ${report.mismatches.length} mismatches, ${report.redacted.length} redacted.`,
    ...report.mismatches.map((entry) => `MISMATCH ${entry.where}: ${entry.message}`),
    ...report.redacted.map((entry) => `REDACTED ${entry.where}: ${entry.message}`),
    ...report.limits.map((limit) => `NOT CHECKED ${limit}`),
  ];
  console.log(lines.join('\n'));
}

async function main(args: string[]): Promise<number> {
  const [packagePath, ...originalPaths] = args.filter((arg) => arg !== '--');
  if (!packagePath) {
    console.error('Usage: npm run verify -- PACKAGE.zip [ORIGINAL FILES…]');
    return 1;
  }
  const originals = await Promise.all(
    originalPaths.map(async (file) => ({
      name: path.basename(file),
      bytes: new Uint8Array(await readFile(file)),
    })),
  );
  try {
    const report = await verifyPackage(new Uint8Array(await readFile(packagePath)), originals);
    print(report);
    return report.mismatches.length === 0 ? 0 : 1;
  } catch (error) {
    if (!(error instanceof UnreadablePackage)) throw error;
    console.error(`${path.basename(packagePath)} cannot be verified: ${error.message}.`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
