/**
 * Where the tests' files come from. The project's own set (tests/fixtures/, written by
 * `npm run fixtures`) is always here. The team's set (../shared/fixtures/, beside the repository)
 * is a second, independent source of the same kinds of file with the same documented story; tests
 * that read it run when it is there and are skipped, by name, when it is not (a lone clone).
 *
 * Both sets hold the same story (tests/fixtures/README.md): the same row counts, story shipments,
 * spellings and document texts. What differs between them is listed in `answers`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type FixtureSet = {
  /** How test names mention the set. */
  title: string;
  root: string;
  available: boolean;
  /** Why the set's tests are skipped, when they are. */
  skipReason: string;
  path: (...parts: string[]) => string;
  answers: {
    vendorAFirstDeclaration: string;
    vendorCFirstRecord: { date: string; value: number };
  };
};

function fixtureSet(title: string, root: string, answers: FixtureSet['answers']): FixtureSet {
  return {
    title,
    root,
    available: existsSync(root),
    skipReason: `${title}: ${path.relative(repository, root)} is not beside this clone`,
    path: (...parts) => path.join(root, ...parts),
    answers,
  };
}

export const ownFixtures = fixtureSet('own fixtures', path.join(repository, 'tests', 'fixtures'), {
  vendorAFirstDeclaration: '10216170/290822/0000001',
  vendorCFirstRecord: { date: '2022-08-29', value: 1_070_906 },
});

export const teamFixtures = fixtureSet(
  'team fixtures',
  path.join(repository, '..', 'shared', 'fixtures'),
  {
    vendorAFirstDeclaration: '10100037/180722/0000001',
    vendorCFirstRecord: { date: '2022-07-18', value: 338_751 },
  },
);

/** Both sets, for tests that check the same known answers on each. */
export const fixtureSets = [ownFixtures, teamFixtures];

/** A file of the project's own set. */
export const fixture = ownFixtures.path;
