import { renderAnnotations } from '#shared/dossier/annotations';
import { buildDossierAndRecords, type DossierRecordIds } from '#shared/dossier/build';
import {
  dossierFiles,
  packageDossier,
  sha256Hex,
  type PackageFile,
} from '#shared/dossier/dossierPackage';
import { renderEvidenceCsv } from '#shared/dossier/evidenceCsv';
import { renderHtml } from '#shared/dossier/html';
import { renderMarkdown } from '#shared/dossier/markdown';
import type { Dossier, DossierOptions } from '#shared/dossier/model';
import { dossierTexts } from '#shared/dossier/nameCheckTexts';
import { confidentialLabels } from '#shared/dossier/redaction';
import type { Investigation } from '#shared/investigation';
import { exportTexts } from '#shared/redaction/exportText';
import {
  checkedForms,
  checkNames,
  type CheckedForm,
  type NameCheckResult,
} from '#shared/redaction/nameCheck';
import { platform } from '../../app/platform';
import { recordChange } from '../../db/audit';
import type { InvestigationDb } from '../../db/schema';
import { shipmentWorker } from '../../case/shipments/shipmentWorkerClient';
import {
  completeDossierInput,
  readDossierRecords,
  type DossierEngine,
  type DossierRecords,
} from './collectDossierInput';

export const exportFormats = [
  'package',
  'html',
  'pdf',
  'markdown',
  'json',
  'csv',
  'annotations',
] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportFormatLabels: Record<ExportFormat, string> = {
  package: 'Package (.zip of every format)',
  html: 'HTML',
  pdf: 'PDF',
  markdown: 'Markdown',
  json: 'JSON (the Dossier model)',
  csv: 'CSV of cited shipment rows',
  annotations: 'Web Annotations (JSON-LD) of the excerpts',
};

const extensions: Record<ExportFormat, string> = {
  package: 'zip',
  html: 'html',
  pdf: 'pdf',
  markdown: 'md',
  json: 'json',
  csv: 'csv',
  annotations: 'jsonld',
};

const BROWSER_PDF =
  'browser mode cannot get the bytes of a print-out; print the HTML to PDF instead';

const workerEngine = (): DossierEngine => {
  const worker = shipmentWorker();
  return {
    dossierShipments: (request) => worker.dossierShipments(request),
    entity: (id) => worker.entity(id),
  };
};

/** A dossier with what the confidential-name check needs: its records and the forms to find. */
export type PreparedDossier = { dossier: Dossier; records: DossierRecordIds; forms: CheckedForm[] };

/** Builds the dossier now: the engine's answers are frozen at this moment. */
export async function prepareDossier(
  db: InvestigationDb,
  investigation: Investigation,
  options: DossierOptions,
): Promise<PreparedDossier> {
  return previewDossier(await readDossierRecords(db), investigation, options);
}

/** Builds the dossier from records already read (the preview's come from a live query). */
export async function previewDossier(
  records: DossierRecords,
  investigation: Investigation,
  options: DossierOptions,
): Promise<PreparedDossier> {
  const input = await completeDossierInput(records, investigation, workerEngine(), new Date());
  const built = buildDossierAndRecords(input, options);
  const labels = confidentialLabels(input.sources);
  return { ...built, forms: checkedForms(input.sources, options.profile, labels) };
}

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'investigation';

function exportFileName(dossier: Dossier, format: ExportFormat): string {
  const stamp = dossier.exportedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `${slug(dossier.title)}-dossier-${dossier.profile}-${stamp}.${extensions[format]}`;
}

/**
 * The files of one format, before they are checked: a package's files, or the one file. The PDF
 * only where the platform can print (the desktop app).
 */
export async function renderFiles(
  dossier: Dossier,
  format: ExportFormat,
  signal: AbortSignal,
): Promise<PackageFile[]> {
  const file = (content: string) => [
    { name: `dossier.${extensions[format]}`, bytes: new TextEncoder().encode(content) },
  ];
  switch (format) {
    case 'html':
      return file(renderHtml(dossier));
    case 'markdown':
      return file(renderMarkdown(dossier));
    case 'json':
      return file(`${JSON.stringify(dossier, null, 2)}\n`);
    case 'csv':
      return file(renderEvidenceCsv(dossier));
    case 'annotations':
      return file(renderAnnotations(dossier));
    case 'pdf': {
      const pdf = await platform.printPdf(renderHtml(dossier));
      if (!pdf) throw new Error(`No PDF here: ${BROWSER_PDF}.`);
      return [{ name: 'dossier.pdf', bytes: pdf }];
    }
    case 'package': {
      const pdf = await platform.printPdf(renderHtml(dossier));
      signal.throwIfAborted();
      return dossierFiles(dossier, pdf);
    }
  }
}

/**
 * The confidential-name check of an export's files as they will be written (a PDF as the HTML it
 * is printed from, byte for byte), with what the user has cleared.
 */
export function checkExport(
  prepared: PreparedDossier,
  files: readonly PackageFile[],
  clearedKeys: ReadonlySet<string>,
): NameCheckResult {
  const texts = files.flatMap((file) =>
    file.name.endsWith('.pdf')
      ? exportTexts('dossier.html', renderHtml(prepared.dossier)).map((text) => ({
          ...text,
          file: `${file.name} (as the HTML it is printed from)`,
        }))
      : exportTexts(file.name, file.bytes),
  );
  return checkNames(
    dossierTexts(prepared.dossier, prepared.records),
    texts,
    prepared.forms,
    clearedKeys,
  );
}

/** The bytes to save: the one file, or the package, its manifest recording the check. */
export function exportBytes(
  dossier: Dossier,
  format: ExportFormat,
  files: readonly PackageFile[],
  check: NameCheckResult,
): Uint8Array {
  if (format !== 'package') return files[0].bytes;
  return packageDossier(dossier, files, {
    pdfMissingBecause: BROWSER_PDF,
    nameCheck: {
      hits: check.blocking.length,
      files: check.files,
      clearedByUser: check.cleared.length,
    },
  });
}

/**
 * Writes an export through the platform (save dialog, or a download in browser mode), then shows
 * and records its SHA-256 in the audit log so a reader can later check the file is unchanged.
 */
export async function saveExport(
  db: InvestigationDb,
  dossier: Dossier,
  format: ExportFormat,
  bytes: Uint8Array,
  check: NameCheckResult,
): Promise<{ name: string; sha256: string } | null> {
  const sha256 = sha256Hex(bytes);
  const name = await platform.saveFile({
    suggestedName: exportFileName(dossier, format),
    bytes,
    filters: [{ name: exportFormatLabels[format], extensions: [extensions[format]] }],
  });
  if (name === null) return null;
  await db.transaction('rw', [db.audit], () =>
    recordChange(db, 'exports', name, 'create', null, {
      format,
      profile: dossier.profile,
      claims: dossier.cover.claims,
      exportedAt: dossier.exportedAt,
      sha256,
      confidentialNameCheck: {
        hits: check.blocking.length,
        files: check.files,
        clearedByUser: check.cleared.length,
      },
    }),
  );
  return { name, sha256 };
}
