/**
 * What an archive may say about itself, as zod schemas: an archive comes from elsewhere, so its
 * header and manifest are parsed, never trusted. Unknown fields are dropped (an archive cannot
 * name a local database, a replaced database or a lock), strings and numbers are bounded, and the
 * names of entries follow the format's own grammar.
 */
import { strFromU8 } from 'fflate';
import { z } from 'zod';
import { LEGACY_KDF, NEW_KDF } from '../crypto/kdf';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  ArchiveError,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
} from './archiveFormat';

const base64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const archiveHeaderSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  encrypted: z.boolean(),
  // Key-derivation settings Waybill has ever written; anything else is refused before deriving.
  kdf: z
    .discriminatedUnion('name', [
      z.object({
        name: z.literal('PBKDF2'),
        hash: z.literal(LEGACY_KDF.hash),
        iterations: z.literal(LEGACY_KDF.iterations),
        salt: base64(64),
        check: base64(256),
      }),
      z.object({
        name: z.literal('Argon2id'),
        memoryKiB: z.literal(NEW_KDF.memoryKiB),
        passes: z.literal(NEW_KDF.passes),
        parallelism: z.literal(NEW_KDF.parallelism),
        salt: base64(64),
        check: base64(256),
      }),
    ])
    .nullable(),
});

/** An id of this app: a UUID, or the short ids of default records. */
const recordId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * The only names an archive's entries may have: `tables/<table>.jsonl`, `blocks/<dataset>/<n>.bin`,
 * `cells/<dataset>/<n>.bin` (`.json` before schema 16) and `files/<sha256>`. No other folder, no `..`, no absolute path, no
 * backslash.
 */
const ENTRY_NAME =
  /^(?:tables\/[a-zA-Z]{1,40}\.jsonl|(?:blocks\/[A-Za-z0-9-]{1,64}\/\d{1,7}\.bin)|(?:cells\/[A-Za-z0-9-]{1,64}\/\d{1,7}\.(?:bin|json))|(?:files\/[0-9a-f]{64}))$/;

/** Whether a zip entry's name is one an archive may hold: the header, the manifest, or ENTRY_NAME. */
export const isArchiveEntryName = (name: string): boolean =>
  name === HEADER_ENTRY || name === MANIFEST_ENTRY || ENTRY_NAME.test(name);

const MAX_TIME = 8_640_000_000_000_000;

export const archiveManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  schemaVersion: z.int().min(1).max(1000),
  createdAt: z.string().max(40),
  investigation: z.object({
    id: recordId,
    name: z.string().trim().min(1).max(200),
    createdAt: z.number().int().min(0).max(MAX_TIME),
    updatedAt: z.number().int().min(0).max(MAX_TIME),
    synthetic: z.boolean(),
    notice: z.string().max(10_000).optional(),
  }),
  tables: z.record(z.string().regex(/^[a-zA-Z]{1,40}$/), z.int().min(0)),
  entries: z
    .array(
      z.object({
        name: z.string().regex(ENTRY_NAME),
        bytes: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
        sha256,
      }),
    )
    .max(10_000_000),
});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !ArrayBuffer.isView(value);

/**
 * The parsed value with its keys in the order the archive had them (a schema lists them in its own
 * order; fields it added, such as defaults, come last), so that a restored case archives again
 * byte for byte as it came.
 */
function inOriginalOrder(parsed: unknown, original: unknown): unknown {
  if (Array.isArray(parsed) && Array.isArray(original))
    // Only arrays holding objects can need it: a block of raw cells holds 120,000 plain strings.
    return parsed.some((item) => typeof item === 'object' && item !== null)
      ? parsed.map((item, index) => inOriginalOrder(item, original[index]))
      : parsed;
  if (!isPlainObject(parsed) || !isPlainObject(original)) return parsed;
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(original))
    if (Object.hasOwn(parsed, key)) ordered[key] = inOriginalOrder(parsed[key], original[key]);
  for (const key of Object.keys(parsed))
    if (!Object.hasOwn(ordered, key)) ordered[key] = parsed[key];
  return ordered;
}

/** JSON of an entry, or one plain sentence naming the entry. */
export function parseJson(text: Uint8Array | string, entry: string): unknown {
  try {
    return JSON.parse(typeof text === 'string' ? text : strFromU8(text));
  } catch {
    throw new ArchiveError(`This archive’s ${entry} is not valid JSON: nothing was restored.`);
  }
}

/** Parses one structure of an archive; the first problem refuses it, in one sentence. */
export function parseArchivePart<T>(schema: z.ZodType<T>, value: unknown, entry: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return inOriginalOrder(parsed.data, value) as T;
  const issue = parsed.error.issues[0];
  const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  throw new ArchiveError(
    `This archive’s ${entry} is not one Waybill writes${where}: nothing was restored.`,
  );
}
