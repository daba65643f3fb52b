/**
 * Dexie middleware of a locked investigation: every value is sealed on its way into IndexedDB and
 * opened on its way out, and look-ups on hashed fields are translated to their keyed hashes. It
 * sits above Dexie's own layers, so live queries and caches only ever see the stored form.
 */
import type {
  DBCore,
  DBCoreCursor,
  DBCoreIndex,
  DBCoreMutateRequest,
  DBCoreQuery,
  DBCoreTable,
  Middleware,
} from 'dexie';
import {
  hashField,
  openRecord,
  sealRecord,
  tablePlan,
  type TablePlan,
} from '#shared/lock/sealedRecords';
import type { LockKeys } from '#shared/lock/sealing';

// DBCoreRangeType is a const enum, which isolated modules cannot import.
const EQUAL = 1;
const ANY = 3;
const NEVER = 4;

class LockedIndexError extends Error {}

const keyPaths = (index: DBCoreIndex, plan: TablePlan): string[] =>
  index.keyPath === null
    ? plan.primaryKey
    : Array.isArray(index.keyPath)
      ? index.keyPath
      : [index.keyPath];

function sealedTable(keys: LockKeys, table: DBCoreTable): DBCoreTable {
  const { schema } = table;
  const plan = tablePlan(
    schema.name,
    schema.primaryKey,
    schema.indexes.map((index) => index.keyPath),
  );
  /** A key of `index` as stored: its hashed parts replaced by their hashes. */
  const storedKey = (fields: string[], key: unknown): unknown => {
    if (fields.length === 1) return hashField(keys, plan, fields[0], key);
    return (key as unknown[]).map((part, at) => hashField(keys, plan, fields[at], part));
  };
  const hashesPrimaryKey = plan.primaryKey.some((field) => plan.hashed.includes(field));
  const storedKeys = <T>(list: T[] | undefined) =>
    hashesPrimaryKey && list ? list.map((key) => storedKey(plan.primaryKey, key)) : list;

  const translate = (query: DBCoreQuery): DBCoreQuery => {
    const fields = keyPaths(query.index, plan);
    if (!fields.some((field) => plan.hashed.includes(field))) return query;
    const { range } = query;
    const type: number = range.type;
    if (type === ANY || type === NEVER) return query;
    if (type !== EQUAL) {
      throw new LockedIndexError(
        `In a locked investigation, ${plan.table}.${fields.join('+')} can only be looked up exactly.`,
      );
    }
    const key = storedKey(fields, range.lower);
    return { ...query, range: { ...range, lower: key, upper: key } };
  };

  const open = (value: unknown) => openRecord(keys, plan, value);

  return {
    ...table,
    mutate(request: DBCoreMutateRequest) {
      if (request.type === 'add' || request.type === 'put') {
        // The change specs and criteria describe plaintext; the layers below see only the stored form.
        const { trans, type, values, keys: outboundKeys, mutatedParts } = request;
        return table.mutate({
          trans,
          type,
          values: values.map((value) => sealRecord(keys, plan, value as Record<string, unknown>)),
          keys: storedKeys(outboundKeys),
          mutatedParts,
        });
      }
      if (request.type === 'delete') {
        const { trans, type, keys: deleted, mutatedParts } = request;
        return table.mutate({ trans, type, keys: storedKeys(deleted)!, mutatedParts });
      }
      return table.mutate({
        ...request,
        range: translate({ index: schema.primaryKey, range: request.range }).range,
      });
    },
    async get(request) {
      const key: unknown = hashesPrimaryKey ? storedKey(plan.primaryKey, request.key) : request.key;
      const stored: unknown = await table.get({ ...request, key });
      return open(stored);
    },
    async getMany(request) {
      const values: unknown[] = await table.getMany({
        ...request,
        keys: storedKeys(request.keys)!,
      });
      return values.map(open);
    },
    async query(request) {
      const response = await table.query({ ...request, query: translate(request.query) });
      return request.values ? { ...response, result: response.result.map(open) } : response;
    },
    async openCursor(request) {
      const cursor = await table.openCursor({ ...request, query: translate(request.query) });
      if (!cursor || request.values === false) return cursor;
      return Object.create(cursor, {
        value: { get: () => open(cursor.value) },
      }) as DBCoreCursor;
    },
    count(request) {
      return table.count({ ...request, query: translate(request.query) });
    },
  };
}

export function sealingMiddleware(keys: LockKeys): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'Sealing',
    level: 10,
    create: (down) => {
      const tables = new Map<string, DBCoreTable>();
      return {
        ...down,
        table(name: string) {
          let table = tables.get(name);
          if (!table) tables.set(name, (table = sealedTable(keys, down.table(name))));
          return table;
        },
      };
    },
  };
}
