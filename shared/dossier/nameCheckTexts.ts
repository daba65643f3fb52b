/**
 * Every string of a dossier with where it is, in words a researcher finds it by ("Claim 3, status
 * reason"), for the confidential-name check (shared/redaction/nameCheck.ts). Every field is walked,
 * so a field added to the model later is checked without being listed here.
 */
import type { LocatedText } from '../redaction/nameCheck';
import type { DossierRecordIds } from './build';
import type { Dossier } from './model';

type Path = (string | number)[];

const FIELD_WORDS: Readonly<Record<string, string>> = {
  text: 'text',
  reason: 'status reason',
  comment: 'comment',
  body: 'body',
  title: 'title',
  quote: 'quote',
  reading: 'quote as it reads',
  prefix: 'text before the quote',
  suffix: 'text after the quote',
  source: 'source',
  role: 'affiliation',
  name: 'name',
};

/** A path inside one record in words: `citations.2.comment` as "comment on citation [7]". */
function fieldWords(record: unknown, path: Path): string {
  if (path[0] === 'citations' && typeof path[1] === 'number') {
    const citation = (record as { citations: { number: number }[] }).citations[path[1]];
    return `${path
      .slice(2)
      .map(String)
      .map((key) => FIELD_WORDS[key] ?? key)
      .join(' › ')} on citation [${citation.number}]`;
  }
  if (path[0] === 'raw' && typeof path[1] === 'number') {
    const cell = (record as { raw: { header: string }[] }).raw[path[1]];
    return `cell “${cell.header}”`;
  }
  const words = path.filter((key) => typeof key === 'string').map((key) => FIELD_WORDS[key] ?? key);
  return words.join(' › ');
}

export function dossierTexts(dossier: Dossier, records: DossierRecordIds): LocatedText[] {
  const texts: LocatedText[] = [];
  const walk = (value: unknown, path: Path, found: (path: Path, text: string) => void) => {
    if (typeof value === 'string') found(path, value);
    else if (Array.isArray(value))
      value.forEach((item, index) => walk(item, [...path, index], found));
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key], found);
  };
  const { sections, shipments, excerpts, notes, savedFilters, ...rest } = dossier;
  sections.forEach((section, index) => {
    texts.push({ where: `Section ${index + 1}, name`, text: section.name });
    for (const claim of section.claims) {
      const id = records.claims[claim.number - 1];
      walk(claim, [], (path, text) =>
        texts.push({
          where: `Claim ${claim.number}, ${fieldWords(claim, path)}`,
          ...(id ? { target: { kind: 'claim' as const, id } } : {}),
          text,
        }),
      );
    }
  });
  for (const note of notes) {
    const id = records.notes[note.id];
    walk(note, [], (path, text) =>
      texts.push({
        where: `Note ${note.id} (“${note.title}”), ${fieldWords(note, path)}`,
        ...(id ? { target: { kind: 'note' as const, id } } : {}),
        text,
      }),
    );
  }
  const appendix = (kind: string, entries: readonly { id: string }[]) => {
    for (const entry of entries)
      walk(entry, [], (path, text) =>
        texts.push({ where: `${kind} ${entry.id}, ${fieldWords(entry, path)}`, text }),
      );
  };
  appendix('Shipment', shipments);
  appendix('Excerpt', excerpts);
  appendix('Saved filter', savedFilters);
  walk(rest, [], (path, text) =>
    texts.push({ where: `The dossier’s ${fieldWords(rest, path)}`, text }),
  );
  return texts;
}
