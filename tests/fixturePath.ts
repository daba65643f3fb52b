import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The team's shared fixtures, beside the repository (never copied into it). */
export const fixturesRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'shared',
  'fixtures',
);

export const fixture = (...parts: string[]): string => path.join(fixturesRoot, ...parts);
