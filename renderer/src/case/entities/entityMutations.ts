import { aliasKeyOfImplicitId, type Entity } from '#shared/entities/entity';
import type { Suggestion } from '#shared/entities/suggestions';
import { recordChange } from '../../db/audit';
import { newId } from '../../db/databases';
import type { InvestigationDb } from '../../db/schema';

/**
 * The user's entity decisions. Each is stored as the entity's list of alias keys, so a re-import,
 * which only brings spellings, resolves through them and never undoes them.
 */
export type EntityFields = Pick<Entity, 'name' | 'kind' | 'country' | 'identifiers' | 'flags'>;

function freshEntity(name: string, aliasKeys: string[], formerIds: string[]): Entity {
  const now = Date.now();
  return {
    id: newId(),
    name,
    kind: 'company',
    country: '',
    identifiers: [],
    flags: [],
    aliasKeys,
    formerIds,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Merges entities (stored or implicit) into one, named `name`. The first stored entity among them
 * survives and keeps its id; the others' ids are kept as former ids, so saved filters and links that
 * named them lead here.
 */
export async function mergeEntities(
  db: InvestigationDb,
  entityIds: readonly string[],
  name: string,
): Promise<string> {
  if (new Set(entityIds).size < 2) throw new Error('Choose at least two entities to merge.');
  const trimmed = name.trim();
  if (!trimmed) throw new Error('The merged entity needs a name.');
  return db.transaction('rw', [db.entities, db.audit], async () => {
    const stored = (
      await db.entities.bulkGet(entityIds.filter((id) => aliasKeyOfImplicitId(id) === null))
    ).filter((entity): entity is Entity => entity !== undefined);
    const implicitKeys = entityIds
      .map(aliasKeyOfImplicitId)
      .filter((key): key is string => key !== null);
    const [survivor, ...absorbed] = stored;
    const aliasKeys = [
      ...new Set([...stored.flatMap((entity) => entity.aliasKeys), ...implicitKeys]),
    ];
    const formerIds = [
      ...new Set([
        ...stored.flatMap((entity) => entity.formerIds),
        ...absorbed.map((entity) => entity.id),
      ]),
    ];
    const merged: Entity = survivor
      ? {
          ...survivor,
          name: trimmed,
          aliasKeys,
          formerIds,
          identifiers: stored.flatMap((entity) => entity.identifiers),
          flags: stored.flatMap((entity) => entity.flags),
          country: stored.find((entity) => entity.country)?.country ?? '',
          updatedAt: Date.now(),
        }
      : freshEntity(trimmed, aliasKeys, formerIds);
    await db.entities.bulkDelete(absorbed.map((entity) => entity.id));
    for (const entity of absorbed) {
      await recordChange(
        db,
        'entities',
        entity.id,
        'delete',
        { name: entity.name, aliasKeys: entity.aliasKeys },
        { mergedInto: merged.id },
      );
    }
    await db.entities.put(merged);
    await recordChange(
      db,
      'entities',
      merged.id,
      survivor ? 'update' : 'create',
      survivor ? { aliasKeys: survivor.aliasKeys, name: survivor.name } : null,
      { aliasKeys, name: trimmed, merged: entityIds },
    );
    return merged.id;
  });
}

/** Takes one spelling (alias key) out of an entity: it stands for itself again. */
export async function splitSpelling(
  db: InvestigationDb,
  entityId: string,
  aliasKey: string,
): Promise<void> {
  await db.transaction('rw', [db.entities, db.audit], async () => {
    const entity = await db.entities.get(entityId);
    if (!entity?.aliasKeys.includes(aliasKey)) return;
    const aliasKeys = entity.aliasKeys.filter((key) => key !== aliasKey);
    await db.entities.put({ ...entity, aliasKeys, updatedAt: Date.now() });
    await recordChange(
      db,
      'entities',
      entityId,
      'update',
      { aliasKeys: entity.aliasKeys },
      { aliasKeys, splitOff: aliasKey },
    );
  });
}

export const acceptSuggestion = (
  db: InvestigationDb,
  suggestion: Suggestion,
  name: string,
): Promise<string> => mergeEntities(db, suggestion.entityIds, name);

/** "Not the same": the suggestion is not made again (until a new spelling joins the group). */
export async function dismissSuggestion(
  db: InvestigationDb,
  suggestion: Suggestion,
): Promise<void> {
  await db.suggestionDismissals.put({ id: suggestion.id, keys: suggestion.keys, at: Date.now() });
}

/**
 * Saves an entity's name, country, identifiers and flags. An implicit entity (a lone spelling) is
 * stored first, so what the user says of it is kept.
 */
export async function saveEntity(
  db: InvestigationDb,
  entityId: string,
  fields: EntityFields,
): Promise<string> {
  const name = fields.name.trim();
  if (!name) throw new Error('An entity needs a name.');
  return db.transaction('rw', [db.entities, db.audit], async () => {
    const key = aliasKeyOfImplicitId(entityId);
    const before = key === null ? await db.entities.get(entityId) : undefined;
    if (key === null && !before) throw new Error('This entity no longer exists.');
    const base = before ?? freshEntity(name, key === null ? [] : [key], [entityId]);
    const saved: Entity = { ...base, ...fields, name, updatedAt: Date.now() };
    await db.entities.put(saved);
    await recordChange(
      db,
      'entities',
      saved.id,
      before ? 'update' : 'create',
      before ? { ...fieldsOf(before) } : null,
      { ...fields, name },
    );
    return saved.id;
  });
}

const fieldsOf = (entity: Entity): EntityFields => ({
  name: entity.name,
  kind: entity.kind,
  country: entity.country,
  identifiers: entity.identifiers,
  flags: entity.flags,
});
