import { describe, expect, it } from 'vitest';
import { ActionOutcomes } from '../../renderer/src/ui/useAction';

describe('the message of overlapping actions', () => {
  it('keeps a later action’s refusal when an earlier one succeeds after it', () => {
    const outcomes = new ActionOutcomes();
    const storing = outcomes.start();
    const refused = outcomes.start();
    outcomes.failed(refused);
    expect(outcomes.succeeded(storing)).toBe(false);
    expect(outcomes.shown).toBe(refused);
  });

  it('clears an earlier action’s message once a later one succeeds, and shows every failure', () => {
    const outcomes = new ActionOutcomes();
    const first = outcomes.start();
    const second = outcomes.start();
    outcomes.failed(first);
    expect(outcomes.shown).toBe(first);
    expect(outcomes.succeeded(second)).toBe(true);
    expect(outcomes.shown).toBe(0);
    // A failure finishing after a later action's is still shown.
    const third = outcomes.start();
    const fourth = outcomes.start();
    outcomes.failed(fourth);
    expect(outcomes.shown).toBe(fourth);
    outcomes.failed(third);
    expect(outcomes.shown).toBe(third);
    // An action started after both, succeeding, clears their message.
    expect(outcomes.succeeded(outcomes.start())).toBe(true);
  });

  it('clears after a clear, in any order', () => {
    const outcomes = new ActionOutcomes();
    const early = outcomes.start();
    const late = outcomes.start();
    outcomes.failed(late);
    outcomes.cleared();
    expect(outcomes.succeeded(early)).toBe(true);
  });
});
