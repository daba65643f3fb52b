/**
 * How a record of a locked investigation is stored: the fields its indexes need stay as they are
 * (ids, dates, orders, statuses), the sensitive indexed fields become keyed hashes, and the whole
 * record, those fields included, is sealed into one `SEALED_FIELD`.
 */
import { decodeRecord, encodeRecord } from './recordCodec';
import { indexHash, seal, unseal, type LockKeys } from './sealing';

const SEALED_FIELD = '$sealed';

/**
 * Indexed fields whose values say what a case contains, per table. Their indexes answer exact
 * look-ups only (`equals`); ordering by them is done after reading.
 */
export const HASHED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  claims: ['tags'],
  // A file's SHA-256 would confirm, to anyone holding a copy of a document, that the case has it.
  files: ['sha256'],
  fileParts: ['sha256'],
  documents: ['sha256'],
  datasets: ['fileSha256'],
  // A vendor export's column names.
  entities: ['aliasKeys', 'name'],
  savedFilters: ['name'],
  // Built from two alias keys (party names): the primary key itself is hashed.
  suggestionDismissals: ['id'],
  // An entity link's target is `alias:PARTY NAME`.
  links: ['targetId'],
};

export type TablePlan = {
  table: string;
  /** Fields kept as they are: the primary key and the indexes', less the hashed ones. */
  clear: string[];
  /** Fields stored as keyed hashes (each element, for an array). */
  hashed: string[];
  primaryKey: string[];
  autoIncrement: boolean;
};

const paths = (keyPath: string | string[] | null): string[] =>
  keyPath === null ? [] : Array.isArray(keyPath) ? keyPath : [keyPath];

export function tablePlan(
  table: string,
  primaryKey: { keyPath: string | string[] | null; autoIncrement?: boolean },
  indexKeyPaths: (string | string[] | null)[],
): TablePlan {
  const hashable = new Set(HASHED_FIELDS[table] ?? []);
  const fields = new Set([primaryKey.keyPath, ...indexKeyPaths].flatMap(paths));
  return {
    table,
    clear: [...fields].filter((field) => !hashable.has(field)),
    hashed: [...fields].filter((field) => hashable.has(field)),
    primaryKey: paths(primaryKey.keyPath),
    autoIncrement: Boolean(primaryKey.autoIncrement),
  };
}

/** The stored form of one field's value (arrays element by element, as multi-entry indexes see them). */
export function hashField(keys: LockKeys, plan: TablePlan, field: string, value: unknown): unknown {
  if (!plan.hashed.includes(field) || value === undefined) return value;
  const scope = `${plan.table}.${field}`;
  return Array.isArray(value)
    ? value.map((element) => indexHash(keys, scope, element))
    : indexHash(keys, scope, value);
}

/** The additional data binding a sealed value to its record (auto-numbered keys are not known yet). */
function place(plan: TablePlan, stored: Record<string, unknown>): string {
  if (plan.autoIncrement) return plan.table;
  return `${plan.table}\n${JSON.stringify(plan.primaryKey.map((field) => stored[field]))}`;
}

type Fields = Record<string, unknown>;

const isBlob = (value: unknown): value is Blob =>
  typeof Blob !== 'undefined' && value instanceof Blob;

/**
 * The stored form of a record. Blobs cannot be read inside a transaction: a Blob field is stored as
 * given, and its writer seals it first (see storedFiles.ts).
 */
export function sealRecord(keys: LockKeys, plan: TablePlan, value: Fields): Fields {
  const stored: Fields = {};
  const rest: Fields = {};
  for (const [field, fieldValue] of Object.entries(value)) {
    if (isBlob(fieldValue)) stored[field] = fieldValue;
    else rest[field] = fieldValue;
  }
  for (const field of plan.clear) if (field in value) stored[field] = value[field];
  for (const field of plan.hashed) {
    if (field in value) stored[field] = hashField(keys, plan, field, value[field]);
  }
  stored[SEALED_FIELD] = seal(keys.sealKey, encodeRecord(rest), place(plan, stored));
  return stored;
}

export function openRecord(keys: LockKeys, plan: TablePlan, stored: unknown): unknown {
  if (!stored || typeof stored !== 'object' || !(SEALED_FIELD in stored)) return stored;
  const fields = stored as Fields;
  const value = decodeRecord(
    unseal(keys.sealKey, fields[SEALED_FIELD] as Uint8Array, place(plan, fields)),
  ) as Fields;
  // An auto-numbered key was given after sealing.
  if (plan.autoIncrement) for (const field of plan.primaryKey) value[field] = fields[field];
  for (const [field, fieldValue] of Object.entries(fields)) {
    if (isBlob(fieldValue)) value[field] = fieldValue;
  }
  return value;
}
