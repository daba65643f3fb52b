/**
 * The dossier package: one zip holding every format and a manifest with the SHA-256 of each file in
 * it and of each cited source file. One file to save, so browser mode needs a single download.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { strToU8, zipSync } from 'fflate';
import { renderAnnotations } from './annotations';
import { renderEvidenceCsv } from './evidenceCsv';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import type { Dossier } from './model';
import { dossierJsonSchema } from './schema';

export const sha256Hex = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));

export type PackageFile = { name: string; bytes: Uint8Array };

/** Every format of the dossier as files, the PDF among them when the caller could print one. */
export function dossierFiles(dossier: Dossier, pdf: Uint8Array | null): PackageFile[] {
  const text = (name: string, content: string) => ({ name, bytes: strToU8(content) });
  return [
    text('dossier.html', renderHtml(dossier)),
    text('dossier.md', renderMarkdown(dossier)),
    text('dossier.json', `${JSON.stringify(dossier, null, 2)}\n`),
    text('cited-shipments.csv', renderEvidenceCsv(dossier)),
    text('excerpts.jsonld', renderAnnotations(dossier)),
    text('dossier.schema.json', dossierJsonSchema()),
    ...(pdf ? [{ name: 'dossier.pdf', bytes: pdf }] : []),
  ];
}

/** What the package's manifest says of the confidential-name check its files passed. */
export type NameCheckSummary = { hits: number; files: number; clearedByUser: number };

export function packageDossier(
  dossier: Dossier,
  files: readonly PackageFile[],
  notes: { pdfMissingBecause: string; nameCheck?: NameCheckSummary },
): Uint8Array {
  const printed = files.some((file) => file.name === 'dossier.pdf');
  const manifest = {
    format: 'waybill-dossier-package',
    version: 1,
    title: dossier.title,
    profile: dossier.profile,
    exportedAt: dossier.exportedAt,
    files: files.map((file) => ({
      name: file.name,
      bytes: file.bytes.length,
      sha256: sha256Hex(file.bytes),
    })),
    ...(printed ? {} : { pdf: `not included: ${notes.pdfMissingBecause}` }),
    ...(notes.nameCheck
      ? {
          confidentialNameCheck: {
            ...notes.nameCheck,
            summary: `${notes.nameCheck.hits} hits in ${notes.nameCheck.files} files; ${notes.nameCheck.clearedByUser} cleared by the user as not the person`,
          },
        }
      : {}),
    sources: dossier.sources,
  };
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[file.name] = file.bytes;
  entries['manifest.json'] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  // A fixed date keeps equal dossiers byte-identical packages.
  return zipSync(entries, { level: 6, mtime: new Date(dossier.exportedAt) });
}
