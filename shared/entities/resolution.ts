import { aliasKeyOfImplicitId, implicitEntityId, type Entity } from './entity';

/**
 * Which entity each alias key belongs to, after the user's merges and splits: the stored entity
 * that lists the key, else the key's own implicit entity.
 */
export class PartyResolution {
  private readonly byKey = new Map<string, string>();
  private readonly current = new Map<string, string>();

  constructor(entities: readonly Pick<Entity, 'id' | 'aliasKeys' | 'formerIds'>[]) {
    for (const entity of entities) {
      this.current.set(entity.id, entity.id);
      for (const former of entity.formerIds) this.current.set(former, entity.id);
      for (const key of entity.aliasKeys) this.byKey.set(key, entity.id);
    }
  }

  entityOf(aliasKey: string): string {
    return this.byKey.get(aliasKey) ?? implicitEntityId(aliasKey);
  }

  /**
   * Where an entity id a saved filter or link recorded points now: a merged entity's id leads to
   * the one that absorbed it; an implicit id follows its key into whatever entity took it. Null
   * when the entity is gone (split up or deleted).
   */
  currentId(id: string): string | null {
    const key = aliasKeyOfImplicitId(id);
    if (key !== null) return this.entityOf(key);
    return this.current.get(id) ?? null;
  }
}
