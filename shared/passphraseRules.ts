/** The shortest passphrase Waybill accepts for anything new: a lock or an archive. */
export const MIN_PASSPHRASE_LENGTH = 8;

/**
 * The rules every new passphrase meets (the lock's and a new archive's alike); null when it does.
 * Archives made earlier with shorter passphrases still open: the rule is for new ones only.
 */
export function passphraseProblem(passphrase: string, repeat: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    return `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (passphrase !== repeat) return 'The two passphrases differ.';
  return null;
}
