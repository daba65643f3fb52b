import { describe, expect, it } from 'vitest';
import {
  hasRule,
  ruleShortfalls,
  ruleText,
  supportingCount,
} from '../../shared/evidence/statusRule';
import { CORROBORATED_RULE, defaultStatuses } from '../../shared/statusVocabulary';

const corroborated = { name: 'Corroborated', rule: CORROBORATED_RULE };

describe('a status’s rule', () => {
  it('is met, or says in words what the evidence lacks', () => {
    expect(ruleShortfalls(corroborated, { supporting: 3, origins: 2 })).toEqual([]);
    expect(ruleShortfalls(corroborated, { supporting: 3, origins: 1 })).toEqual([
      '“Corroborated” needs 2 independent origins; this claim’s evidence has 1.',
    ]);
    const strict = { name: 'Verified', rule: { minSupporting: 1, minOrigins: 1 } };
    expect(ruleShortfalls(strict, { supporting: 0, origins: 0 })).toEqual([
      '“Verified” needs 1 supporting item; this claim has 0.',
      '“Verified” needs 1 independent origin; this claim’s evidence has 0.',
    ]);
  });

  it('asks nothing when absent or all zero', () => {
    expect(ruleShortfalls({ name: 'Draft' }, { supporting: 0, origins: 0 })).toEqual([]);
    const zero = { minSupporting: 0, minOrigins: 0 };
    expect(hasRule(zero)).toBe(false);
    expect(ruleShortfalls({ name: 'Draft', rule: zero }, { supporting: 0, origins: 0 })).toEqual(
      [],
    );
    expect(ruleText(zero)).toBe('no rule');
    expect(ruleText({ minSupporting: 2, minOrigins: 1 })).toBe(
      'at least 2 supporting items and at least 1 independent origin',
    );
  });

  it('counts supporting links of any kind, never contradicting or context ones', () => {
    expect(
      supportingCount([
        { relation: 'supports' },
        { relation: 'contradicts' },
        { relation: 'context' },
        { relation: 'supports' },
      ]),
    ).toBe(2);
  });

  it('is Corroborated’s two independent origins in the default vocabulary, and only its', () => {
    expect(defaultStatuses.filter((status) => hasRule(status.rule))).toEqual([
      expect.objectContaining({ name: 'Corroborated', rule: { minSupporting: 0, minOrigins: 2 } }),
    ]);
  });
});
