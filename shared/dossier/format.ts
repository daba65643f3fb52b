/** How the dossier's numbers and lists read in every format, so that all formats say the same. */
import { figureText, type DesignationFigure } from '../sanctions/designationPeriods';
import type { ClaimSummary, Dossier } from './model';

const amount = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
export const formatAmount = (value: number | null): string =>
  value === null ? '—' : amount.format(value);

export const profileTitle = (dossier: Dossier): string =>
  dossier.profile === 'full' ? 'Full dossier (editor and lawyer)' : 'Publication dossier';

/** How many shipment rows the HTML, PDF and Markdown show; the JSON and CSV hold every one. */
const SHOWN_ROWS = 200;

/**
 * The shipment rows a readable format shows, and what it says of the others: a dossier citing
 * thousands of rows stays readable, and points to the files that hold them all.
 */
export function shownShipments(dossier: Dossier): { rows: Dossier['shipments']; note: string } {
  const all = dossier.shipments;
  if (all.length <= SHOWN_ROWS) return { rows: all, note: '' };
  const shipments = new Set(all.map((row) => row.shipment)).size;
  return {
    rows: all.slice(0, SHOWN_ROWS),
    note:
      `The dossier holds ${all.length.toLocaleString('en-GB')} shipment rows (${shipments.toLocaleString('en-GB')} distinct shipments); ` +
      `the first ${SHOWN_ROWS} are shown here with their raw cells. Every row, matches included, ` +
      'is in dossier.json and cited-shipments.csv.',
  };
}

/** A claim's summary as label/value lines; empty parts are left out. */
export function summaryLines(summary: ClaimSummary): [string, string][] {
  const lines: [string, string][] = [];
  if (summary.sourceRows > 0) {
    lines.push(
      [
        'Distinct shipments',
        `${summary.distinctShipments} (from ${summary.sourceRows} source rows)`,
      ],
      [
        'Reported by',
        summary.reportedBy
          .map(
            (entry) =>
              `${entry.shipments} ${entry.shipments === 1 ? 'shipment' : 'shipments'} by ${entry.datasets} ${entry.datasets === 1 ? 'dataset' : 'datasets'}`,
          )
          .join('; '),
      ],
      ['Dates', `${summary.dateFrom ?? '—'} to ${summary.dateTo ?? '—'}`],
      [
        'Total value',
        summary.valueByCurrency
          .map((entry) => `${formatAmount(entry.total)} ${entry.currency || '(no currency)'}`)
          .join('; ') || '—',
      ],
      ['Total weight', `${formatAmount(summary.totalWeightKg)} kg`],
      ['Datasets', summary.datasets.join('; ')],
      ['Independent origins', originsLine(summary.origins, summary.unknownOriginRows, '; ')],
    );
  }
  lines.push(['Contradicting evidence', String(summary.contradicting)]);
  for (const request of summary.requests)
    lines.push(['Request for comment', `${request.title} (to ${request.to}): ${request.outcome}`]);
  for (const figure of summary.designations)
    lines.push([`Designation ${figure.designation}`, figure.text]);
  return lines;
}

type Listing = Dossier['designations'][number];

/** A claim's figure for a designation it cites, in the dossier's order of fields. */
export const designationFigureEntry = (
  designation: string,
  figure: DesignationFigure,
): ClaimSummary['designations'][number] => ({
  designation,
  role: figure.role,
  inside: figure.inside,
  uncertain: figure.uncertain,
  shipments: figure.shipments,
  period: figure.period,
  status: figure.status,
  text: figureText(figure),
});

/** A cited designation's appendix entry in lines: what the list says, and where it was read. */
export function designationLines(listing: Listing): string[] {
  const status = listing.status === 'formerly listed' ? 'Formerly listed' : 'Listed';
  const lists = listing.lists.join('; ') || 'no list named';
  const by = [listing.authority, listing.program].filter(Boolean).join(', ');
  return [
    `${listing.entity} (${listing.party}), listed as ${listing.target} (${listing.targetId})`,
    `${status} on ${lists} ${listing.period}${by ? ` — ${by}` : ''}; designation ${listing.designationId}`,
    ...(listing.reason ? [`Reason given: ${listing.reason}`] : []),
    ...(listing.sourceUrl ? [`Source: ${listing.sourceUrl}`] : []),
    `Snapshot: ${listing.snapshot.fileName} (${listing.snapshot.source || 'publisher not given'}) of ${listing.snapshot.date}, SHA-256 ${listing.snapshot.sha256}`,
    `Matched with the entity at tier ${listing.match.tier} (${listing.match.reason}), confirmed ${listing.match.decidedAt}`,
  ];
}

/** "2: Russian customs; Indian customs", and the rows that count towards none. */
export function originsLine(origins: readonly string[], unknownRows: number, separator: string) {
  const counted = `${origins.length}${origins.length > 0 ? `: ${origins.join(separator)}` : ''}`;
  if (unknownRows === 0) return counted;
  return `${counted} (and ${unknownRows} ${unknownRows === 1 ? 'row' : 'rows'} of unknown origin, not counted)`;
}

/**
 * The text an excerpt was extracted as, where its reading changed more than spacing (a hyphen at a
 * line end joined, a line break in Chinese closed up): the dossier then shows both.
 */
export function extractedIfChanged(excerpt: Dossier['excerpts'][number]): string | null {
  return excerpt.reading === excerpt.quote.replace(/\s+/g, ' ').trim() ? null : excerpt.quote;
}
