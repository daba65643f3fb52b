import { Dexie } from 'dexie';
import { IndexDb, InvestigationDb, investigationDbName } from './schema';

/** The one index database of this origin. */
export const indexDb = new IndexDb();

const openInvestigations = new Map<string, InvestigationDb>();

/** The database of one investigation; the same instance for the same id while it is open. */
export function investigationDb(investigationId: string): InvestigationDb {
  let db = openInvestigations.get(investigationId);
  if (!db) {
    db = new InvestigationDb(investigationId);
    openInvestigations.set(investigationId, db);
  }
  return db;
}

/** Closes and deletes an investigation's database: its claims, statuses and history are gone. */
export async function deleteInvestigationDb(investigationId: string): Promise<void> {
  openInvestigations.get(investigationId)?.close();
  openInvestigations.delete(investigationId);
  await Dexie.delete(investigationDbName(investigationId));
}

export const newId = (): string => crypto.randomUUID();
