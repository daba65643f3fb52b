import type { Claim } from './investigation';

export type ClaimFilter = {
  /** Words that must all occur in the claim text or its tags, case- and accent-insensitively. */
  text: string;
  /** A status id, or '' for any status. */
  statusId: string;
  /** A tag, or '' for any tag. */
  tag: string;
};

export const emptyClaimFilter: ClaimFilter = { text: '', statusId: '', tag: '' };

/** Lower-cases and strips combining marks, so that `Удэ` finds `удэ` and `Zürich` finds `zurich`. */
export function foldForSearch(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export function matchesClaimFilter(claim: Claim, filter: ClaimFilter): boolean {
  if (filter.statusId && claim.statusId !== filter.statusId) return false;
  if (filter.tag && !claim.tags.includes(filter.tag)) return false;
  const words = foldForSearch(filter.text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch([claim.text, ...claim.tags].join(' '));
  return words.every((word) => haystack.includes(word));
}

/** Normalises a typed tag: trimmed, inner white space folded; empty means no tag. */
export function normaliseTag(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/** Every tag in use, most used first, then alphabetically: the autocomplete list. */
export function tagsByUse(claims: readonly Claim[]): string[] {
  const counts = new Map<string, number>();
  for (const claim of claims) {
    for (const tag of claim.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([tag]) => tag);
}
