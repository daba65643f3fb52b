import { renderAnnotations } from '#shared/dossier/annotations';
import { buildDossier } from '#shared/dossier/build';
import { packageDossier, sha256Hex } from '#shared/dossier/dossierPackage';
import { renderEvidenceCsv } from '#shared/dossier/evidenceCsv';
import { renderHtml } from '#shared/dossier/html';
import { renderMarkdown } from '#shared/dossier/markdown';
import type { Dossier, DossierOptions } from '#shared/dossier/model';
import type { Investigation } from '#shared/investigation';
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

/** Builds the dossier now: the engine's answers are frozen at this moment. */
export async function prepareDossier(
  db: InvestigationDb,
  investigation: Investigation,
  options: DossierOptions,
): Promise<Dossier> {
  return previewDossier(await readDossierRecords(db), investigation, options);
}

/** Builds the dossier from records already read (the preview's come from a live query). */
export async function previewDossier(
  records: DossierRecords,
  investigation: Investigation,
  options: DossierOptions,
): Promise<Dossier> {
  const input = await completeDossierInput(records, investigation, workerEngine(), new Date());
  return buildDossier(input, options);
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

/** The bytes of one format; the PDF only where the platform can print (the desktop app). */
export async function renderFormat(
  dossier: Dossier,
  format: ExportFormat,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const text = (content: string) => new TextEncoder().encode(content);
  switch (format) {
    case 'html':
      return text(renderHtml(dossier));
    case 'markdown':
      return text(renderMarkdown(dossier));
    case 'json':
      return text(`${JSON.stringify(dossier, null, 2)}\n`);
    case 'csv':
      return text(renderEvidenceCsv(dossier));
    case 'annotations':
      return text(renderAnnotations(dossier));
    case 'pdf': {
      const pdf = await platform.printPdf(renderHtml(dossier));
      if (!pdf) throw new Error(`No PDF here: ${BROWSER_PDF}.`);
      return pdf;
    }
    case 'package': {
      const pdf = await platform.printPdf(renderHtml(dossier));
      signal.throwIfAborted();
      return packageDossier(dossier, pdf, BROWSER_PDF);
    }
  }
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
    }),
  );
  return { name, sha256 };
}
