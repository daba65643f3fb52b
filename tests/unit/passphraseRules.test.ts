import { describe, expect, it } from 'vitest';
import { passphraseStrength } from '../../renderer/src/lib/passphraseStrength';
import { passphraseProblem } from '../../shared/passphraseRules';

describe('a new passphrase (lock or archive)', () => {
  it('needs 8 characters and the same twice', () => {
    expect(passphraseProblem('x', 'x')).toBe('A passphrase needs at least 8 characters.');
    expect(passphraseProblem('seven 7', 'seven 7')).toBe(
      'A passphrase needs at least 8 characters.',
    );
    expect(passphraseProblem('long enough', 'long enougH')).toBe('The two passphrases differ.');
    expect(passphraseProblem('long enough', 'long enough')).toBeNull();
  });

  it('gets a strength estimate: a common password is very weak, four random words strong', async () => {
    expect(await passphraseStrength('password1')).toMatchObject({
      score: 0,
      label: 'Very weak',
      warning: 'This is a commonly used password.',
    });
    // The app's own name is a word a guesser tries first.
    expect((await passphraseStrength('waybill2026')).score).toBeLessThanOrEqual(1);
    expect(await passphraseStrength('violet-harbour-quietly-ninety-seven')).toMatchObject({
      score: 4,
      offlineTime: 'centuries',
    });
  });
});
