import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, shown to bite: each case lints a real file of the project
 * with one forbidden import added, and expects the error that `npm run lint` would print.
 */
const eslint = new ESLint();

async function errorsOf(filePath: string, importLine: string): Promise<string[]> {
  const { readFileSync } = await import('node:fs');
  const text = `${importLine}\n${readFileSync(filePath, 'utf8')}`;
  const [result] = await eslint.lintText(text, { filePath });
  return result.messages
    .filter((message) => message.line === 1 && /restricted/.test(message.ruleId ?? ''))
    .map((message) => `${message.ruleId}: ${message.message}`);
}

describe('npm run lint keeps the layers apart', () => {
  it('refuses a worker importing a feature, even for a type', async () => {
    expect(
      await errorsOf(
        'renderer/src/workers/importWorker.ts',
        "import type { ClaimsPage } from '../features/claims/ClaimsPage';",
      ),
    ).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*never imports a feature/)]);
  }, 60_000);

  it('refuses a component importing the database or a worker, even for a type', async () => {
    const component = 'renderer/src/features/claims/ClaimRow.tsx';
    const refused = [expect.stringMatching(/Components never touch the database or a worker/)];
    expect(await errorsOf(component, "import { InvestigationDb } from '../../db/schema';")).toEqual(
      refused,
    );
    expect(
      await errorsOf(component, "import type { InvestigationDb } from '../../db/schema';"),
    ).toEqual(refused);
    expect(await errorsOf(component, "import { useCaseDb } from '../../case/caseDb';")).toEqual(
      refused,
    );
    expect(
      await errorsOf(
        component,
        "import { archiveHeader } from '../../workers/archive/readArchive';",
      ),
    ).toEqual(refused);
    expect(
      await errorsOf(
        component,
        "import { shipmentWorker } from '../shipments/shipmentWorkerClient';",
      ),
    ).toEqual([expect.stringMatching(/Components never hold a worker/)]);
  }, 60_000);

  it('refuses a feature reaching into another past its public entry, and case/ importing a feature', async () => {
    const component = 'renderer/src/features/claims/ClaimEditor.tsx';
    expect(
      await errorsOf(
        component,
        "import { LinkToClaimDialog } from '../evidence/LinkToClaimDialog';",
      ),
    ).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*public entry/)]);
    expect(await errorsOf(component, "import { LinkToClaimDialog } from '../evidence';")).toEqual(
      [],
    );
    expect(
      await errorsOf(
        'renderer/src/case/claims/useClaims.ts',
        "import { ClaimsPage } from '../../features/claims';",
      ),
    ).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*never imports one/)]);
  }, 60_000);

  it('refuses ui/ importing the database, and shared/ importing the renderer', async () => {
    expect(
      await errorsOf(
        'renderer/src/ui/Dialog.tsx',
        "import type { InvestigationDb } from '../db/schema';",
      ),
    ).toContainEqual(
      expect.stringMatching(/^import-x\/no-restricted-paths: .*ui\/ holds generic components/),
    );
    expect(
      await errorsOf(
        'shared/ordering.ts',
        "import type { Route } from '../renderer/src/app/useHashRoute';",
      ),
    ).toContainEqual(expect.stringMatching(/^import-x\/no-restricted-paths: .*shared\/ is pure/));
  }, 60_000);
});
