import { randomUUID } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { SavedFile } from '../shared/ipc';

type Session = {
  owner: unknown;
  file: FileHandle;
  partial: string;
  target: string;
  /** The last write asked for: each waits for the one before (a file handle's must). */
  written: Promise<void>;
};

/**
 * Saves that arrive in pieces (an archive of hundreds of megabytes): each piece is appended to a file
 * beside the target, renamed into place once complete, so neither process holds the whole file and
 * a save cut short never leaves half a file where the user asked for one. A session answers only to
 * the web contents that began it.
 */
export class StreamedSaves {
  private readonly sessions = new Map<string, Session>();

  async begin(owner: unknown, target: string): Promise<string> {
    const partial = `${target}.waybill-partial`;
    const file = await open(partial, 'w');
    const id = randomUUID();
    this.sessions.set(id, { owner, file, partial, target, written: Promise.resolve() });
    return id;
  }

  async write(owner: unknown, id: string, bytes: Uint8Array): Promise<void> {
    const session = this.session(owner, id);
    session.written = session.written.then(async () => void (await session.file.write(bytes)));
    return session.written;
  }

  /** Commits (renames into place) or abandons (removes) the file. */
  async end(owner: unknown, id: string, commit: boolean): Promise<SavedFile> {
    const session = this.session(owner, id);
    this.sessions.delete(id);
    await session.written.catch(() => undefined);
    await session.file.close();
    if (!commit) {
      await rm(session.partial, { force: true });
      return null;
    }
    await rename(session.partial, session.target);
    return { name: path.basename(session.target) };
  }

  /** Abandons every save of a window that went away. */
  async abandon(owner: unknown): Promise<void> {
    const ids = [...this.sessions].filter(([, session]) => session.owner === owner);
    await Promise.all(ids.map(([id]) => this.end(owner, id, false)));
  }

  private session(owner: unknown, id: string): Session {
    const session = this.sessions.get(id);
    if (!session || session.owner !== owner) throw new Error('There is no such save in progress.');
    return session;
  }
}
