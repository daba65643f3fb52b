/**
 * Who is using the app, as given in Settings (“Your name”; '' when not given): every audit entry
 * this thread writes records it. The page loads it at start-up; a worker takes it from the
 * `DbAccess` it is handed (schema.ts).
 */
let actor = '';

export const currentActor = (): string => actor;

export function setCurrentActor(name: string): void {
  actor = name.trim().replace(/\s+/gu, ' ');
}
