/**
 * How a key is derived from a passphrase, for archives and for the lock: one way to do it (the
 * derivation itself is renderer/src/lib/passphraseKey.ts). New archives and
 * locks use Argon2id with parameters the app fixes (64 MiB, 3 passes: memory-hard, so a guessing
 * rig pays in memory as well as time); archives and locks made earlier with PBKDF2-SHA-256 keep
 * opening with their own parameters. Only parameters the app has ever written are accepted, so a
 * file from elsewhere cannot make the app derive for minutes, or not at all.
 */
export type KdfParams =
  | { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number }
  | { name: 'Argon2id'; memoryKiB: number; passes: number; parallelism: number };

/** What new archives and locks use. */
export const NEW_KDF = {
  name: 'Argon2id',
  memoryKiB: 65_536,
  passes: 3,
  parallelism: 1,
} as const satisfies KdfParams;

/** PBKDF2-SHA-256 as the app wrote it before Argon2id: the OWASP figure of 600,000 iterations. */
export const LEGACY_KDF = {
  name: 'PBKDF2',
  hash: 'SHA-256',
  iterations: 600_000,
} as const satisfies KdfParams;

/** Whether these are parameters the app has written (the only ones it derives with). */
export function isWrittenKdf(params: KdfParams): boolean {
  return params.name === 'PBKDF2'
    ? params.hash === LEGACY_KDF.hash && params.iterations === LEGACY_KDF.iterations
    : params.memoryKiB === NEW_KDF.memoryKiB &&
        params.passes === NEW_KDF.passes &&
        params.parallelism === NEW_KDF.parallelism;
}
