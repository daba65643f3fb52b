import { useLiveQuery } from 'dexie-react-hooks';
import { setCurrentActor } from '../../db/actor';
import { indexDb } from '../../db/databases';

/** Reads “Your name” from the app's settings into the audit log's actor (at start-up). */
export async function loadUserName(): Promise<void> {
  setCurrentActor((await indexDb.settings.get('userName'))?.value ?? '');
}

/** Stores “Your name” ('' to give none); audit entries written from now on record it. */
export async function saveUserName(name: string): Promise<void> {
  const value = name.trim().replace(/\s+/gu, ' ');
  if ([...value].length > 200) throw new Error('A name of at most 200 characters, please.');
  await indexDb.settings.put({ key: 'userName', value });
  setCurrentActor(value);
}

export function useUserName(): string | undefined {
  return useLiveQuery(async () => (await indexDb.settings.get('userName'))?.value ?? '', []);
}
