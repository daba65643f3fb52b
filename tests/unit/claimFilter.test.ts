import { describe, expect, it } from 'vitest';
import { matchesClaimFilter, normaliseTag, tagsByUse } from '../../shared/claimFilter';
import type { Claim } from '../../shared/investigation';

const claim = (text: string, statusId = 's1', tags: string[] = []): Claim => ({
  id: text,
  text,
  statusId,
  tags,
  sectionId: null,
  order: 1,
  createdAt: 0,
  updatedAt: 0,
});

describe('matchesClaimFilter', () => {
  const filter = { text: '', statusId: '', tag: '' };

  it('matches every word, in any order and case, in the text or the tags', () => {
    const shipments = claim('Poly Technologies shipped helicopter parts to Ulan-Ude.', 's1', [
      'customs',
    ]);
    expect(matchesClaimFilter(shipments, { ...filter, text: 'ulan-ude POLY' })).toBe(true);
    expect(matchesClaimFilter(shipments, { ...filter, text: 'poly customs' })).toBe(true);
    expect(matchesClaimFilter(shipments, { ...filter, text: 'poly engines' })).toBe(false);
  });

  it('folds case and accents in Cyrillic and Latin text', () => {
    expect(
      matchesClaimFilter(claim('Улан-Удэнский авиационный завод'), {
        ...filter,
        text: 'УЛАН-УДЭНСКИЙ',
      }),
    ).toBe(true);
    expect(matchesClaimFilter(claim('Shipped via Zürich'), { ...filter, text: 'zurich' })).toBe(
      true,
    );
  });

  it('filters by status and by tag', () => {
    const tagged = claim('x', 's2', ['sanctions']);
    expect(matchesClaimFilter(tagged, { ...filter, statusId: 's2' })).toBe(true);
    expect(matchesClaimFilter(tagged, { ...filter, statusId: 's1' })).toBe(false);
    expect(matchesClaimFilter(tagged, { ...filter, tag: 'sanctions' })).toBe(true);
    expect(matchesClaimFilter(tagged, { ...filter, tag: 'customs' })).toBe(false);
  });
});

describe('tags', () => {
  it('are trimmed with inner white space folded', () => {
    expect(normaliseTag('  right   of reply ')).toBe('right of reply');
    expect(normaliseTag('   ')).toBe('');
  });

  it('are offered most used first, then alphabetically', () => {
    const claims = [claim('a', 's', ['b', 'c']), claim('b', 's', ['c']), claim('c', 's', ['a'])];
    expect(tagsByUse(claims)).toEqual(['c', 'a', 'b']);
  });
});
