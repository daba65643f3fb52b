import { suggestionId } from './entity';
import type { PartyResolution } from './resolution';

/**
 * Suggestions to group spellings that look alike, for the user to accept or dismiss: keys equal
 * once plural endings and spaces go (`POLY TECHNOLOGY` and `POLY TECHNOLOGIES`, `ULAN UDE` and
 * `ULANUDE`), or one typing slip apart when long enough for that to be telling. A translation or an
 * abbreviation (`U UAP`) is no rule's to see: the user merges those by hand.
 */
export type Suggestion = { id: string; keys: string[]; entityIds: string[] };

const MIN_TYPO_LENGTH = 10;

/** A word without its English plural ending: TECHNOLOGIES → TECHNOLOGY, PARTS → PART. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('IES')) return `${word.slice(0, -3)}Y`;
  if (word.length > 3 && word.endsWith('S') && !word.endsWith('SS')) return word.slice(0, -1);
  return word;
}

export const looseKey = (aliasKey: string): string =>
  aliasKey.split(' ').filter(Boolean).map(singular).join('');

/** Whether two strings are at most one insertion, deletion or substitution apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  if (short.length === long.length) return short.slice(i + 1) === long.slice(i + 1);
  return short.slice(i) === long.slice(i + 1);
}

export function suggestGroups(
  aliasKeys: readonly string[],
  resolution: PartyResolution,
  dismissed: ReadonlySet<string>,
): Suggestion[] {
  const keys = [...new Set(aliasKeys)].filter((key) => key !== '');
  const parent = keys.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root];
    parent[index] = root;
    return root;
  };
  const union = (a: number, b: number) => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  };

  const loose = keys.map(looseKey);
  const byLoose = new Map<string, number>();
  // Candidates for a typing slip share their first three letters; comparing only within such a
  // block keeps this near-linear over thousands of companies.
  const blocks = new Map<string, number[]>();
  loose.forEach((value, index) => {
    const same = byLoose.get(value);
    if (same === undefined) byLoose.set(value, index);
    else union(same, index);
    if (value.length >= MIN_TYPO_LENGTH) {
      const block = value.slice(0, 3);
      const members = blocks.get(block);
      if (members) members.push(index);
      else blocks.set(block, [index]);
    }
  });
  for (const members of blocks.values()) {
    for (let a = 0; a < members.length; a += 1) {
      for (let b = a + 1; b < members.length; b += 1) {
        const first = members[a];
        const second = members[b];
        if (loose[first] !== loose[second] && withinOneEdit(loose[first], loose[second]))
          union(first, second);
      }
    }
  }

  const groups = new Map<number, string[]>();
  keys.forEach((key, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(key);
    else groups.set(root, [key]);
  });
  const suggestions: Suggestion[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const entityIds = [...new Set(group.map((key) => resolution.entityOf(key)))];
    const id = suggestionId(group);
    if (entityIds.length < 2 || dismissed.has(id)) continue;
    suggestions.push({ id, keys: group.sort(), entityIds });
  }
  return suggestions.sort((a, b) => a.keys[0].localeCompare(b.keys[0]));
}
