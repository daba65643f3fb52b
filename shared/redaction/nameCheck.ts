/**
 * The confidential-name check that runs on every export as it will be written, after redaction:
 * the last line between a source's name and the outside.
 *
 * - A declared form (the name, each "also written as", the affiliation) found anywhere blocks, in
 *   every profile: redaction should have replaced it, so finding one means something escaped it.
 * - A part of the source's name the user did not declare (a surname alone, a first name: whole
 *   words, any script; not particles such as "van") blocks until the user says it is not this person. A Chinese name, written without
 *   spaces, has no parts to check: its full name and declared forms are.
 * - Background sources count in the publication profile only; in the full one they are named.
 *
 * What the user cleared is keyed by the source, the form and the words around it, so a decision
 * holds for that passage until its text changes.
 */
import type { Source } from '../notes/source';
import { findNames, foldName } from '../text/nameMatching';

type Profile = 'full' | 'publication';

/** A form of a hidden source's name that the check looks for. */
export type CheckedForm = {
  sourceId: string;
  /** How the export names the source ("Confidential source A", an attribution). */
  label: string;
  form: string;
  folded: string;
  declared: boolean;
};

/** Where a hit links to in the app. */
type HitTarget = { kind: 'claim' | 'note'; id: string };

/** A string of an export with where it comes from, in words. */
export type LocatedText = { where: string; target?: HitTarget; text: string };

export type NameHit = {
  form: CheckedForm;
  where: string;
  target?: HitTarget;
  /** The words around the hit, from the text as written. */
  context: string;
  /** What a "not this person" decision on it is stored under. */
  key: string;
};

export type NameCheckResult = {
  /** Hits the export cannot go out with. */
  blocking: NameHit[];
  /** Undeclared parts the user said were not the person. */
  cleared: NameHit[];
  files: number;
};

const MIN_PART = 3;
/** Words inside names that are words of their own elsewhere ("van der Berg", "bin Said"). */
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'del', 'della', 'bin', 'ibn', 'dos', 'das']);
const HAN = /\p{Script=Han}/u;

/**
 * The sources a profile hides (confidential ones always, background ones in the publication
 * profile), each with what the export names it instead.
 */
export function hiddenSources(
  sources: readonly Source[],
  profile: Profile,
  labels: ReadonlyMap<string, string>,
): { source: Source; label: string }[] {
  return sources
    .filter(
      (source) =>
        source.confidentiality === 'confidential' ||
        (profile === 'publication' && source.confidentiality === 'background'),
    )
    .map((source) => ({
      source,
      label:
        source.confidentiality === 'confidential'
          ? (labels.get(source.id) ?? 'Confidential source')
          : source.attribution.trim() || 'a background source',
    }));
}

/** The sources a profile hides, each with its declared forms and the parts of its name. */
export function checkedForms(
  sources: readonly Source[],
  profile: Profile,
  labels: ReadonlyMap<string, string>,
): CheckedForm[] {
  const forms: CheckedForm[] = [];
  for (const { source, label } of hiddenSources(sources, profile, labels)) {
    const declared = [source.name, ...source.aliases, source.affiliation]
      .map((form) => form.trim())
      .filter((form) => [...form].length >= 2);
    // What stands in for the source is never a hit of its own (an affiliation in an attribution).
    const seen = new Set<string>(foldName(label).split(' '));
    seen.add(foldName(label));
    const add = (form: string, isDeclared: boolean) => {
      const folded = foldName(form);
      if (!folded || seen.has(folded)) return;
      seen.add(folded);
      forms.push({ sourceId: source.id, label, form, folded, declared: isDeclared });
    };
    for (const form of declared) add(form, true);
    if (!HAN.test(source.name))
      for (const part of source.name.split(/[\s\p{Pd}.,]+/u))
        if ([...part].length >= MIN_PART && !PARTICLES.has(part.toLowerCase())) add(part, false);
  }
  return forms;
}

const CONTEXT = 40;

function contextOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/gu, ' ').trim()}${to < text.length ? '…' : ''}`;
}

/**
 * Each hit of a form in the texts. Long texts are searched a line at a time; lines in `known` (read
 * already) are skipped.
 */
export function findNameHits(
  texts: readonly LocatedText[],
  forms: readonly CheckedForm[],
  known: ReadonlySet<string> = new Set(),
): NameHit[] {
  const byFolded = new Map<string, CheckedForm>();
  // A declared form wins over a part that folds alike (a one-word alias and a surname).
  for (const form of [...forms].sort((a, b) => Number(b.declared) - Number(a.declared)))
    if (!byFolded.has(form.folded)) byFolded.set(form.folded, form);
  const names = [...byFolded.keys()];
  const hits: NameHit[] = [];
  for (const located of texts) {
    const lines = located.text.length > 4096 ? located.text.split('\n') : [located.text];
    for (const line of lines) {
      if (known.has(line)) continue;
      for (const span of findNames(line, names)) {
        const form = byFolded.get(span.name)!;
        const context = contextOf(line, span.start, span.end);
        hits.push({
          form,
          where: located.where,
          ...(located.target ? { target: located.target } : {}),
          context,
          key: `${form.sourceId}\n${form.folded}\n${foldName(context)}`,
        });
      }
    }
  }
  return hits;
}

/**
 * The check of one export: `located`, the strings of what is exported with where each comes from
 * (so that a hit can be shown where the user can change it); `files`, the files as a reader gets
 * their text (exportText.ts), so that nothing the located strings miss goes out unseen.
 */
export function checkNames(
  located: readonly LocatedText[],
  files: readonly { file: string; text: string }[],
  forms: readonly CheckedForm[],
  clearedKeys: ReadonlySet<string>,
): NameCheckResult {
  const blocking: NameHit[] = [];
  const cleared: NameHit[] = [];
  const shown = new Set<string>();
  const sort = (hit: NameHit) => {
    if (shown.has(`${hit.where}\n${hit.key}`)) return;
    shown.add(`${hit.where}\n${hit.key}`);
    if (!hit.form.declared && clearedKeys.has(hit.key)) cleared.push(hit);
    else blocking.push(hit);
  };
  const inStrings = findNameHits(located, forms);
  inStrings.forEach(sort);
  // In the files, only forms the strings did not show (a file name, a heading the format adds),
  // keyed by their own words; a line that is one of the strings (in JSON, most) was read already.
  const inStringsForms = new Set(inStrings.map((hit) => hit.form.folded));
  const known = new Set(located.map((text) => text.text));
  const inFiles = files.map((file) => ({ where: file.file, text: file.text }));
  for (const hit of findNameHits(inFiles, forms, known)) {
    if (!inStringsForms.has(hit.form.folded)) sort(hit);
  }
  return { blocking, cleared, files: files.length };
}
