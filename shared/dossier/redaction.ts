/**
 * How sources are named in a dossier. A confidential source's name and affiliation never leave the
 * machine: they become a stable label ("Confidential source A") wherever they occur, in every
 * profile, however they were typed (shared/text/nameMatching.ts), with every form of the name the
 * user declared. In the publication profile a background source is named only by its attribution.
 */
import type { Source } from '../notes/source';
import { hiddenSources } from '../redaction/nameCheck';
import { findNames, foldName, replaceNames, replaceSpans } from '../text/nameMatching';
import type { Dossier, DossierProfile, EvidenceRedaction } from './model';

export type Replacement = { find: string; replace: string };

/** Labels by the order sources were added in, so a source keeps its letter from export to export. */
export function confidentialLabels(sources: readonly Source[]): Map<string, string> {
  const confidential = sources
    .filter((source) => source.confidentiality === 'confidential')
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const letter = (index: number): string =>
    index < 26
      ? String.fromCharCode(65 + index)
      : `${letter(Math.floor(index / 26) - 1)}${letter(index % 26)}`;
  return new Map(
    confidential.map((source, index) => [source.id, `Confidential source ${letter(index)}`]),
  );
}

/** The source of a note as the profile may name it; '' for the researcher's own note. */
export function sourceAsNamed(
  source: Source | undefined,
  profile: DossierProfile,
  labels: ReadonlyMap<string, string>,
): { source: string; role: string } {
  if (!source) return { source: '', role: '' };
  if (source.confidentiality === 'confidential')
    return { source: labels.get(source.id) ?? 'Confidential source', role: '' };
  if (source.confidentiality === 'background') {
    const attribution = source.attribution.trim() || 'a background source';
    return profile === 'publication'
      ? { source: attribution, role: '' }
      : {
          source: `${source.name} (background; quoted as “${attribution}”)`,
          role: source.affiliation,
        };
  }
  return { source: source.name, role: source.affiliation };
}

/** Every string that must not appear in this profile's export, with what stands in its place. */
export function replacements(
  sources: readonly Source[],
  profile: DossierProfile,
  labels: ReadonlyMap<string, string>,
): Replacement[] {
  const list: Replacement[] = [];
  for (const { source, label: replace } of hiddenSources(sources, profile, labels)) {
    // The name, the forms the user declared, and the affiliation; however each is typed, in either
    // script. A part of the name the user did not declare is left to the name check
    // (shared/redaction/nameCheck.ts): it may be someone else, and the user says.
    for (const find of [source.name, ...source.aliases, source.affiliation]) {
      if (find.trim().length >= 2) list.push({ find: find.trim(), replace });
    }
  }
  // Longest first, so a full name goes before a part of it.
  return list.sort((a, b) => b.find.length - a.find.length);
}

/** The hidden strings folded for searching, each with what stands in its place. */
function foldedNames(list: readonly Replacement[]): Map<string, string> {
  // Of two forms that fold alike, the longer entry (listed first) decides what stands in.
  const byName = new Map<string, string>();
  for (const entry of list) {
    const name = foldName(entry.find);
    if (name && !byName.has(name)) byName.set(name, entry.replace);
  }
  return byName;
}

/**
 * Redacts a whole dossier. In cited evidence (a shipment row's cells, an excerpt's quote) a hidden
 * name becomes an explicit `[redacted: Confidential source A]` span, each listed in `redactions`,
 * so that whoever checks the evidence against its original file sees a redaction, not a change.
 * Everywhere else it becomes its label.
 */
export function redactDossier(dossier: Dossier, list: readonly Replacement[]): Dossier {
  if (list.length === 0) return dossier;
  const byName = foldedNames(list);
  const marked = new Map([...byName].map(([name, label]) => [name, `[redacted: ${label}]`]));
  const redactions: EvidenceRedaction[] = [];
  const inEvidence = (evidence: string, field: string, text: string): string => {
    const spans = findNames(text, [...marked.keys()]);
    for (const replacedBy of new Set(spans.map((span) => marked.get(span.name)!)))
      redactions.push({ evidence, field, replacedBy });
    return replaceSpans(text, spans, marked);
  };
  const shipments = dossier.shipments.map((row) => {
    const fields = [
      'shipper',
      'consignee',
      'description',
      'declarationId',
      'billOfLading',
    ] as const;
    const redacted = { ...row };
    for (const field of fields) redacted[field] = inEvidence(row.id, field, row[field]);
    redacted.raw = row.raw.map((cell) => ({
      header: cell.header,
      value: inEvidence(row.id, `raw cell “${cell.header}”`, cell.value),
    }));
    return redacted;
  });
  const excerpts = dossier.excerpts.map((excerpt) => ({
    ...excerpt,
    quote: inEvidence(excerpt.id, 'quote', excerpt.quote),
    reading: inEvidence(excerpt.id, 'quote as it reads', excerpt.reading),
    prefix: inEvidence(excerpt.id, 'text before the quote', excerpt.prefix),
    suffix: inEvidence(excerpt.id, 'text after the quote', excerpt.suffix),
  }));
  const rest = redactStrings({ ...dossier, shipments: [], excerpts: [] }, list);
  return {
    ...rest,
    shipments: redactStrings(shipments, list),
    excerpts: redactStrings(excerpts, list),
    redactions,
  };
}

/**
 * Replaces every occurrence of every hidden string, however it was typed, in every string of a
 * value; the rest of each string is left as it was.
 */
export function redactStrings<T>(value: T, list: readonly Replacement[]): T {
  if (list.length === 0) return value;
  const byName = foldedNames(list);
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return replaceNames(item, byName);
    if (Array.isArray(item)) return item.map(walk);
    if (item && typeof item === 'object')
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, walk(inner)]));
    return item;
  };
  return walk(value) as T;
}
