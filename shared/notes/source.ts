/**
 * A source: the person or office notes come from, a record of its own that notes point to, with
 * how it may be named. Its name and every form of it the user declared ("also written as") are
 * what redaction and the name check look for (shared/dossier/redaction.ts, shared/redaction/).
 */
import { foldName } from '../text/nameMatching';

export const confidentialities = ['on-record', 'background', 'confidential'] as const;
export type Confidentiality = (typeof confidentialities)[number];

export const confidentialityLabels: Record<Confidentiality, string> = {
  'on-record': 'On the record',
  background: 'Background (attributed)',
  confidential: 'Confidential (name never leaves this machine)',
};

export type Source = {
  id: string;
  /** As the user knows the source. Empty only for a source made from a note that named nobody. */
  name: string;
  /** Role or affiliation ("port official", "Ministry of Trade"). */
  affiliation: string;
  confidentiality: Confidentiality;
  /** For a background source: how it may be quoted instead of by name ("a Western official"). */
  attribution: string;
  /**
   * Other forms of the name the user declared (the surname alone, initials, a nickname, another
   * script). For a hidden source each is redacted wherever it occurs, like the name.
   */
  aliases: string[];
  createdAt: number;
  updatedAt: number;
};

export type SourceDraft = Omit<Source, 'id' | 'createdAt' | 'updatedAt'>;

export const emptySource = (): SourceDraft => ({
  name: '',
  affiliation: '',
  confidentiality: 'on-record',
  attribution: '',
  aliases: [],
});

/** A stored source's fields, as a form edits them. */
export const sourceDraft = ({
  id: _id,
  createdAt: _c,
  updatedAt: _u,
  ...draft
}: Source): SourceDraft => draft;

/** How a source is listed in the app: its name, or a placeholder where it has none. */
export const sourceTitle = (source: Pick<Source, 'name'>): string =>
  source.name.trim() || 'Unnamed source';

/**
 * Declared forms: trimmed, white space folded, each once, none empty or the name itself as typed.
 * A form that only folds like the name (its transliteration) is kept: the user declared it.
 */
function cleanAliases(aliases: readonly string[], name: string): string[] {
  const key = (form: string) => form.trim().replace(/\s+/gu, ' ').toLowerCase();
  const seen = new Set([key(name)]);
  return aliases
    .map((alias) => alias.trim().replace(/\s+/gu, ' '))
    .filter((alias) => {
      if (!alias || seen.has(key(alias))) return false;
      seen.add(key(alias));
      return true;
    });
}

/** A draft as it is stored: trimmed, the attribution only for a background source. */
export function cleanSource(draft: SourceDraft): SourceDraft {
  return {
    name: draft.name.trim(),
    affiliation: draft.affiliation.trim(),
    confidentiality: draft.confidentiality,
    attribution: draft.confidentiality === 'background' ? draft.attribution.trim() : '',
    aliases: cleanAliases(draft.aliases, draft.name),
  };
}

/**
 * What is wrong with a source before it is stored, or null. `others`: the investigation's other
 * sources; two with one name (however typed) would be one person counted and redacted twice.
 */
export function sourceProblem(source: SourceDraft, others: readonly Source[]): string | null {
  if (!source.name.trim()) return 'A source needs a name.';
  if (source.confidentiality === 'background' && !source.attribution.trim())
    return 'A background source needs the attribution to use instead of the name, e.g. “a Western official”.';
  const key = foldName(source.name);
  const same = others.find((other) => foldName(other.name) === key);
  if (same)
    return `There is a source named “${same.name}” already: choose it from the list of sources.`;
  return null;
}
