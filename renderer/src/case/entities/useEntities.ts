import { useLiveQuery } from 'dexie-react-hooks';
import type { Entity } from '#shared/entities/entity';
import { useCaseDb } from '../caseDb';

/** What the user stored about one entity (details, flags); undefined while reading or if none. */
export function useStoredEntity(entityId: string): Entity | undefined {
  const db = useCaseDb();
  return useLiveQuery(() => db.entities.get(entityId), [db, entityId]);
}
