import { setCurrentActor } from './actor';
import { databaseName, InvestigationDb, type DbAccess } from './schema';

/**
 * The investigation databases a thread has open: each opened once and handed out again while it
 * stays open. The page and every worker keep one of these, so a database is opened, cached and
 * closed the same way everywhere (a worker is handed a DbAccess, never a database).
 */
export class OpenDatabases {
  readonly #byName = new Map<string, InvestigationDb>();

  open(access: DbAccess): InvestigationDb {
    // A worker writes its audit entries in the name of whoever asked for the job.
    if (access.actor !== undefined) setCurrentActor(access.actor);
    const name = databaseName(access);
    let db = this.#byName.get(name);
    if (!db) {
      db = new InvestigationDb(access);
      this.#byName.set(name, db);
    }
    return db;
  }

  /** Closes the open databases `which` picks (all of them by default). */
  close(which: (db: InvestigationDb) => boolean = () => true): void {
    for (const [name, db] of this.#byName) {
      if (!which(db)) continue;
      db.close();
      this.#byName.delete(name);
    }
  }

  /** Closes every open database of an investigation (it was locked again, or deleted). */
  closeInvestigation(investigationId: string): void {
    this.close((db) => db.investigationId === investigationId);
  }

  /** Closes one database by name (about to be deleted). */
  closeNamed(name: string): void {
    this.close((db) => db.name === name);
  }
}
