/**
 * The dossier verifier: reads a dossier package as hostile input (bounded sizes, a schema) and
 * checks, without the app or its database, that every file is the one the manifest names, that the
 * readable formats say what `dossier.json` says, that every figure follows from the rows and
 * derivations it holds, that rows matched as one shipment obey the stated rule, and, given the
 * original files, that every row's raw cells are those of the file at its line. A redaction
 * (`[redacted: …]`, listed in `redactions`) is reported as redacted, never as a mismatch.
 */
import { unzipSync } from 'fflate';
import { z } from 'zod';
import { daysFromIso } from '../customs/dates';
import { agreeWithinRounding, hsCodesAgree } from '../customs/matching';
import { designationFigure, designationStatus } from '../sanctions/designationPeriods';
import { parsePartialDate, periodText } from '../sanctions/partialDate';
import { foldName } from '../text/nameMatching';
import { readsAs } from '../documents/readingQuote';
import { renderAnnotations } from './annotations';
import { sha256Hex } from './dossierPackage';
import { renderEvidenceCsv } from './evidenceCsv';
import { renderHtml } from './html';
import { designationFigureEntry } from './format';
import { renderMarkdown } from './markdown';
import type { ClaimSummary, Dossier, DossierClaim } from './model';
import { dossierJsonSchema, dossierSchema } from './schema';
import { checkOriginalCells, type OriginalFile } from './verifyCells';

export type { OriginalFile } from './verifyCells';

/** One thing found: where (a file, a claim's figure, a row) and what. */
export type Finding = { where: string; message: string };

export type VerifyReport = {
  /** How many checks ran (files, figures, rows, matches, cells). */
  checks: number;
  mismatches: Finding[];
  /** Redacted spans in cited evidence, reported as such. */
  redacted: Finding[];
  /** What this run could not detect, in words. */
  limits: string[];
};

/** Bounds on what a package may hold before anything is decompressed. */
const MAX_ENTRIES = 32;
const MAX_ENTRY_BYTES = 1024 ** 3;
const MAX_TOTAL_BYTES = 2 * 1024 ** 3;

const manifestSchema = z.object({
  format: z.literal('waybill-dossier-package'),
  version: z.literal(1),
  files: z
    .array(
      z.object({
        name: z.string().max(200),
        bytes: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(MAX_ENTRIES),
});

/** The package is not one the verifier can read at all. */
export class UnreadablePackage extends Error {}

function unzipBounded(zip: Uint8Array): Record<string, Uint8Array> {
  let entries = 0;
  let total = 0;
  try {
    return unzipSync(zip, {
      filter: (file) => {
        entries += 1;
        total += file.originalSize;
        if (entries > MAX_ENTRIES) throw new UnreadablePackage('it holds too many files');
        if (file.originalSize > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES)
          throw new UnreadablePackage(`${file.name} is larger than a dossier can be`);
        if (!/^[\w.-]+$/.test(file.name))
          throw new UnreadablePackage(`it holds an unexpected path, ${file.name}`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof UnreadablePackage) throw error;
    throw new UnreadablePackage('it is not a readable zip file');
  }
}

function parseJson(bytes: Uint8Array | undefined, name: string): unknown {
  if (!bytes) throw new UnreadablePackage(`it has no ${name}`);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new UnreadablePackage(`its ${name} is not JSON`);
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type Row = Dossier['shipments'][number];

class Checks {
  count = 0;
  readonly mismatches: Finding[] = [];
  check(ok: boolean, where: string, message: string): void {
    this.count += 1;
    if (!ok) this.mismatches.push({ where, message });
  }
  figure(where: string, stated: unknown, recomputed: unknown): void {
    this.check(
      sameJson(stated, recomputed),
      where,
      `states ${JSON.stringify(stated)}; its rows give ${JSON.stringify(recomputed)}`,
    );
  }
}

/** A dataset as rows name it: a file can be imported once, so its hash and name tell it apart. */
const datasetOf = (row: Row) => `${row.fileSha256}\n${row.dataset}`;
/** As the engine counts origins: a blank one, or one of characters that show nothing, is none. */
const originKnown = (row: Row) => row.origin !== 'origin unknown' && foldName(row.origin) !== '';

/** Two rows agree under the matching rule (shared/customs/matching.ts), on the dossier's fields. */
function rowsAgree(a: Row, b: Row): boolean {
  const number = (value: number | null) => value ?? Number.NaN;
  if (datasetOf(a) === datasetOf(b) || a.date !== b.date) return false;
  if (!a.shipperParty || !a.consigneeParty) return false;
  if (a.shipperParty !== b.shipperParty || a.consigneeParty !== b.consigneeParty) return false;
  if (!agreeWithinRounding(number(a.weightKg), number(b.weightKg))) return false;
  if (a.value !== null && b.value !== null && a.currency !== b.currency) return false;
  if (!agreeWithinRounding(number(a.value), number(b.value))) return false;
  return hsCodesAgree(a.hsCode, b.hsCode);
}

/** Rows matched as one shipment are chained by the rule: every row reaches every other. */
function chained(rows: readonly Row[]): boolean {
  const reached = new Set([0]);
  const queue = [0];
  while (queue.length > 0) {
    const at = queue.pop()!;
    rows.forEach((row, index) => {
      if (!reached.has(index) && rowsAgree(rows[at], row)) {
        reached.add(index);
        queue.push(index);
      }
    });
  }
  return reached.size === rows.length;
}

/** A claim's summary, recomputed from its derivation and the rows the dossier holds. */
function recomputeSummary(
  claim: DossierClaim,
  rows: ReadonlyMap<string, Row>,
  byShipment: ReadonlyMap<string, Row[]>,
): Omit<ClaimSummary, 'requests' | 'derivation' | 'designations'> {
  const shipments = claim.summary.derivation.map((entry) => ({
    representative: rows.get(entry.representative)!,
    members: byShipment.get(rows.get(entry.representative)!.shipment) ?? [],
    rows: entry.rows.length,
  }));
  const dates = shipments.map((shipment) => shipment.representative.date).sort();
  let totalWeightKg = 0;
  const values = new Map<string, number>();
  const reportedBy = new Map<number, number>();
  const members = new Map<string, Row>();
  for (const { representative, members: group } of shipments) {
    if (representative.weightKg !== null) totalWeightKg += representative.weightKg;
    if (representative.value !== null)
      values.set(
        representative.currency,
        (values.get(representative.currency) ?? 0) + representative.value,
      );
    const datasets = new Set(group.map(datasetOf));
    reportedBy.set(datasets.size, (reportedBy.get(datasets.size) ?? 0) + 1);
    for (const member of group) members.set(member.id, member);
  }
  const datasets = new Map<string, Row>();
  for (const member of members.values())
    if (!datasets.has(datasetOf(member))) datasets.set(datasetOf(member), member);
  const byName = [...datasets.values()].sort((a, b) => a.dataset.localeCompare(b.dataset));
  const origins = new Map<string, string>();
  for (const row of byName)
    if (originKnown(row) && !origins.has(foldName(row.origin)))
      origins.set(foldName(row.origin), row.origin);
  return {
    distinctShipments: shipments.length,
    sourceRows: shipments.reduce((sum, shipment) => sum + shipment.rows, 0),
    dateFrom: dates[0] ?? null,
    dateTo: dates.at(-1) ?? null,
    valueByCurrency: [...values]
      .map(([currency, total]) => ({ currency, total }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    totalWeightKg,
    datasets: byName.map((row) => `${row.dataset}${row.vendor ? ` (${row.vendor})` : ''}`),
    origins: [...origins.values()].sort((a, b) => a.localeCompare(b)),
    unknownOriginRows: [...members.values()].filter((row) => !originKnown(row)).length,
    reportedBy: [...reportedBy]
      .map(([datasets, count]) => ({ datasets, shipments: count }))
      .sort((a, b) => b.datasets - a.datasets),
    contradicting: claim.citations.filter((citation) => citation.relation === 'contradicts').length,
  };
}

/** A designation's date as the app writes it (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), or none. */
const readableDate = (date: string | null) => date === null || parsePartialDate(date) === date;

/**
 * A claim's figures against the periods of the designations it cites, recomputed from its
 * derivation's representatives (their dates and party labels) and each designation's dates.
 */
function checkDesignationFigures(
  claim: DossierClaim,
  rows: ReadonlyMap<string, Row>,
  listings: ReadonlyMap<string, Dossier['designations'][number]>,
  checks: Checks,
): void {
  const shipments = claim.summary.derivation.map((entry) => {
    const row = rows.get(entry.representative)!;
    return { day: daysFromIso(row.date), shipper: row.shipperParty, consignee: row.consigneeParty };
  });
  const cited = new Set(
    claim.citations
      .filter((citation) => citation.kind === 'designation')
      .flatMap((citation) => citation.targets),
  );
  checks.figure(
    `Claim ${claim.number}: designations`,
    claim.summary.designations.map((entry) => entry.designation).sort(),
    [...cited].sort(),
  );
  for (const stated of claim.summary.designations) {
    const where = `Claim ${claim.number}: designation ${stated.designation}`;
    const listing = listings.get(stated.designation);
    if (!listing) {
      checks.check(false, where, 'names a designation the dossier does not hold');
      continue;
    }
    // Dates are hostile input too: one that is not a date is named, never read as "unknown".
    const dates = {
      start: listing.start,
      end: listing.end,
      'snapshot date': listing.snapshot.date,
    };
    const unreadable = Object.entries(dates).filter(([, date]) => !readableDate(date));
    if (unreadable.length > 0) {
      for (const [field, date] of unreadable)
        checks.check(false, where, `gives its ${field} as ${JSON.stringify(date)}, not a date`);
      continue;
    }
    const period = { ...listing, id: listing.designationId };
    const figure = designationFigure(shipments, listing.party, period, listing.snapshot.date);
    checks.figure(where, stated, designationFigureEntry(listing.id, figure));
  }
}

function checkFigures(dossier: Dossier, checks: Checks): void {
  const rows = new Map(dossier.shipments.map((row) => [row.id, row]));
  const byShipment = new Map<string, Row[]>();
  for (const row of dossier.shipments)
    byShipment.set(row.shipment, [...(byShipment.get(row.shipment) ?? []), row]);
  const filters = new Map(dossier.savedFilters.map((filter) => [filter.id, filter]));
  const listings = new Map(dossier.designations.map((listing) => [listing.id, listing]));
  const appendixIds = new Set(
    [
      dossier.shipments,
      dossier.savedFilters,
      dossier.excerpts,
      dossier.notes,
      dossier.documents,
      dossier.entities,
      dossier.designations,
    ].flatMap((entries) => entries.map((entry) => entry.id)),
  );
  const claims = dossier.sections.flatMap((section) => section.claims);

  checks.figure('Cover: claims', dossier.cover.claims, claims.length);
  checks.figure(
    'Cover: citations',
    dossier.cover.citations,
    claims.reduce((sum, claim) => sum + claim.citations.length, 0),
  );
  const byStatus = new Map<string, number>();
  for (const claim of claims) byStatus.set(claim.status, (byStatus.get(claim.status) ?? 0) + 1);
  checks.figure(
    'Cover: claims by status',
    dossier.cover.byStatus.map((entry) => [entry.status, entry.count]).sort(),
    [...byStatus].sort(),
  );

  // An excerpt's reading may differ from its text as extracted by spacing and by the hyphens at
  // line ends alone (where a redaction changed both, they are not compared).
  const redactedEvidence = new Set(dossier.redactions.map((entry) => entry.evidence));
  for (const excerpt of dossier.excerpts)
    if (!redactedEvidence.has(excerpt.id))
      checks.check(
        readsAs(excerpt.quote, excerpt.reading),
        `Excerpt ${excerpt.id}`,
        'differs from its text as extracted by more than spacing and hyphens at line ends',
      );

  for (const claim of claims) {
    const where = `Claim ${claim.number}`;
    for (const citation of claim.citations)
      for (const target of citation.targets)
        checks.check(
          appendixIds.has(target),
          `${where}, citation [${citation.number}]`,
          `points to ${target}, which the dossier does not hold`,
        );
    // The rows the claim's summary counts: those of its citations other than contradicting ones.
    const counted = new Set(
      claim.citations
        .filter((citation) => citation.relation !== 'contradicts')
        .flatMap((citation) => citation.targets)
        .flatMap((target) => filters.get(target)?.shipments ?? (rows.has(target) ? [target] : [])),
    );
    const derived = claim.summary.derivation.flatMap((entry) => entry.rows);
    const unknown = [
      ...claim.summary.derivation.map((entry) => entry.representative),
      ...derived,
    ].filter((id) => !rows.has(id));
    checks.check(
      unknown.length === 0,
      `${where}: derivation`,
      `names rows the dossier does not hold: ${unknown.join(', ')}`,
    );
    if (unknown.length > 0) continue;
    checks.figure(`${where}: rows counted`, [...derived].sort(), [...counted].sort());
    for (const entry of claim.summary.derivation) {
      const shipment = rows.get(entry.representative)!.shipment;
      checks.check(
        entry.rows[0] === entry.representative &&
          entry.rows.every((id) => rows.get(id)!.shipment === shipment),
        `${where}: shipment ${shipment}`,
        `groups rows that were not matched as one shipment: ${entry.rows.join(', ')}`,
      );
    }
    const shipments = claim.summary.derivation.map(
      (entry) => rows.get(entry.representative)!.shipment,
    );
    checks.check(
      new Set(shipments).size === shipments.length,
      `${where}: derivation`,
      'counts one shipment twice',
    );
    const recomputed = recomputeSummary(claim, rows, byShipment);
    for (const [figure, value] of Object.entries(recomputed))
      checks.figure(`${where}: ${figure}`, claim.summary[figure as keyof typeof recomputed], value);
    checkDesignationFigures(claim, rows, listings, checks);
  }
  for (const listing of dossier.designations) {
    const where = `Designation ${listing.id}`;
    checks.check(
      dossier.sources.some(
        (source) => source.kind === 'snapshot' && source.sha256 === listing.snapshot.sha256,
      ),
      where,
      'comes from a snapshot the dossier does not list among its sources',
    );
    // Its period and status in words follow from its dates (an unreadable one is named above,
    // where a claim cites it).
    if ([listing.start, listing.end, listing.snapshot.date].every(readableDate)) {
      checks.figure(`${where}: period`, listing.period, periodText(listing));
      checks.figure(
        `${where}: status`,
        listing.status,
        designationStatus(listing, listing.snapshot.date),
      );
    }
  }

  for (const filter of dossier.savedFilters)
    checks.check(
      filter.shipments.every((id) => rows.has(id)),
      `Saved filter ${filter.id}`,
      'lists rows the dossier does not hold',
    );
  const datasets = new Set(
    dossier.sources.filter((source) => source.kind === 'dataset').map((source) => source.sha256),
  );
  for (const [shipment, group] of byShipment) {
    const reporting = new Set(group.map(datasetOf)).size;
    for (const row of group) {
      checks.figure(`Row ${row.id}: datasets reporting`, row.reportedBy, reporting);
      checks.check(
        datasets.has(row.fileSha256),
        `Row ${row.id}`,
        'comes from a file the dossier does not list among its sources',
      );
    }
    if (group.length > 1)
      checks.check(
        chained(group),
        `Shipment ${shipment}`,
        `rows ${group.map((row) => row.id).join(', ')} are not all linked by the matching rule`,
      );
  }
}

/** The files a package must render from its dossier.json, by name. */
const RENDERINGS: Record<string, (dossier: Dossier) => string> = {
  'dossier.html': renderHtml,
  'dossier.md': renderMarkdown,
  'cited-shipments.csv': renderEvidenceCsv,
  'excerpts.jsonld': renderAnnotations,
  'dossier.schema.json': () => dossierJsonSchema(),
};

export async function verifyPackage(
  zip: Uint8Array,
  originals: readonly OriginalFile[] = [],
): Promise<VerifyReport> {
  const checks = new Checks();
  const files = unzipBounded(zip);
  const manifest = manifestSchema.safeParse(parseJson(files['manifest.json'], 'manifest.json'));
  if (!manifest.success) throw new UnreadablePackage('its manifest is not a dossier manifest');
  const listed = new Set(manifest.data.files.map((file) => file.name));
  for (const name of Object.keys(files))
    checks.check(
      name === 'manifest.json' || listed.has(name),
      name,
      'is not listed in the manifest',
    );
  for (const file of manifest.data.files) {
    const bytes = files[file.name];
    checks.check(bytes !== undefined, file.name, 'is listed in the manifest but missing');
    if (!bytes) continue;
    checks.check(
      bytes.length === file.bytes && sha256Hex(bytes) === file.sha256,
      file.name,
      `its SHA-256 is ${sha256Hex(bytes)}, the manifest says ${file.sha256}`,
    );
  }

  const parsed = dossierSchema.safeParse(parseJson(files['dossier.json'], 'dossier.json'));
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 20))
      checks.check(false, `dossier.json ${issue.path.join('.')}`, issue.message);
    return { checks: checks.count, mismatches: checks.mismatches, redacted: [], limits: [] };
  }
  const dossier = parsed.data;
  const decoder = new TextDecoder();
  for (const [name, render] of Object.entries(RENDERINGS)) {
    const bytes = files[name];
    if (bytes)
      checks.check(
        decoder.decode(bytes) === render(dossier),
        name,
        'does not say what dossier.json says',
      );
  }
  checkFigures(dossier, checks);

  const redacted = dossier.redactions.map((entry) => ({
    where: `${entry.evidence}, ${entry.field}`,
    message: `redacted as ${entry.replacedBy}`,
  }));
  const cells = await checkOriginalCells(dossier, originals, checks);
  const limits = [
    ...cells.unchecked.map(
      (file) =>
        `The raw cells of rows from ${file} were not checked against the file: give the file to check them.`,
    ),
    ...(cells.unchecked.length > 0
      ? [
          'Without the original files, nothing shows whether they hold other rows that match a cited row, or more rows than a saved filter lists.',
        ]
      : []),
    ...(dossier.excerpts.length > 0
      ? ['Excerpts are checked for their document hash only, not against the PDF’s text.']
      : []),
    ...(files['dossier.pdf'] ? ['The PDF is checked for its hash only, not its text.'] : []),
    ...cells.unused.map((file) => `${file} is no source of this dossier; it was not used.`),
  ];
  return { checks: checks.count, mismatches: checks.mismatches, redacted, limits };
}
