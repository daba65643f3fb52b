/**
 * How hard a new passphrase is to guess, estimated by zxcvbn-ts (dictionaries of common passwords,
 * names and words; keyboard patterns, dates, repeats and l33t), shown as the user types. Its
 * dictionaries are large, so they load with the first estimate, not with the app.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export type PassphraseStrength = {
  /** 0 (very weak) to 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  /** How long a rig making 10,000 guesses a second (a slow, memory-hard derivation) would take. */
  offlineTime: string;
  warning: string | null;
};

const labels = ['Very weak', 'Weak', 'Fair', 'Good', 'Strong'] as const;

let estimator: Promise<ZxcvbnFactory> | null = null;

const loadEstimator = (): Promise<ZxcvbnFactory> =>
  (estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, english]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs,
        translations: english.translations,
      }),
  ));

export async function passphraseStrength(passphrase: string): Promise<PassphraseStrength> {
  // The app's name is a word a guesser tries first.
  const result = (await loadEstimator()).check(passphrase, ['waybill']);
  return {
    score: result.score,
    label: labels[result.score],
    offlineTime: result.crackTimes.offlineSlowHashingXPerSecond.display,
    warning: result.feedback.warning,
  };
}
