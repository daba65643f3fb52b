import { describe, expect, it } from 'vitest';
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
});
