/**
 * Notes as they were stored before schema version 11, each carrying its source's name, affiliation,
 * confidentiality, attribution and declared forms, and how they become notes that point to sources.
 * The database upgrade, the restore of an older archive and the sample investigation use this one
 * conversion.
 */
import { foldName } from '../text/nameMatching';
import { cleanSource, type Confidentiality, type Source } from './source';
import type { SourceNote } from './sourceNote';

export type LegacyNote = Omit<SourceNote, 'sourceId'> & {
  sourceName: string;
  /** Since schema version 8. */
  aliases?: string[];
  sourceRole: string;
  confidentiality: Confidentiality;
  attribution: string;
};

export const isLegacyNote = (note: object): note is LegacyNote => 'sourceName' in note;

/**
 * One source per person: notes naming one source (however typed) with one confidentiality share it,
 * with the forms any of them declared. A note that names nobody keeps no source if it is on record,
 * and gets a nameless source of its own if not, so its confidentiality is kept. A source takes the
 * id and time of its first note: confidential labels ("Confidential source A") keep their letters,
 * and "not this person" decisions, stored under that id, still hold.
 */
export function splitLegacyNotes(legacy: readonly LegacyNote[]): {
  notes: SourceNote[];
  sources: Source[];
} {
  const ordered = [...legacy].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const byKey = new Map<string, Source>();
  const sourceOf = new Map<string, string | null>();
  for (const note of ordered) {
    const name = note.sourceName.trim();
    if (!name && note.confidentiality === 'on-record') {
      sourceOf.set(note.id, null);
      continue;
    }
    const key = name ? `${note.confidentiality}\n${foldName(name)}` : `note\n${note.id}`;
    let source = byKey.get(key);
    if (!source) {
      source = {
        id: note.id,
        name,
        affiliation: note.sourceRole.trim(),
        confidentiality: note.confidentiality,
        attribution: note.attribution.trim(),
        aliases: [],
        createdAt: note.createdAt,
        updatedAt: note.updatedAt,
      };
      byKey.set(key, source);
    }
    source.affiliation ||= note.sourceRole.trim();
    source.attribution ||= note.attribution.trim();
    source.updatedAt = Math.max(source.updatedAt, note.updatedAt);
    source.aliases.push(...(note.aliases ?? []));
    // A second affiliation is kept as a declared form, so it is redacted like the first.
    const role = note.sourceRole.trim();
    if (role && role !== source.affiliation) source.aliases.push(role);
    sourceOf.set(note.id, source.id);
  }
  const notes = legacy.map((note): SourceNote => {
    const {
      sourceName: _name,
      aliases: _aliases,
      sourceRole: _role,
      confidentiality: _confidentiality,
      attribution: _attribution,
      ...rest
    } = note;
    return { ...rest, sourceId: sourceOf.get(note.id) ?? null };
  });
  const sources = [...byKey.values()].map((source) => ({ ...source, ...cleanSource(source) }));
  return { notes, sources };
}
