import type { ReactNode } from 'react';
import type { Investigation } from '#shared/investigation';
import { investigationDb } from '../db/databases';
import { CaseDbContext } from './caseDb';
import { CaseScreeningProvider } from './sanctions/useCaseScreening';

/**
 * Everything under it reads and writes this investigation, which must be open (its keys in memory),
 * and shares its sanctions screening.
 */
export function CaseProvider(props: { investigation: Investigation; children: ReactNode }) {
  return (
    <CaseDbContext.Provider value={investigationDb(props.investigation)}>
      <CaseScreeningProvider>{props.children}</CaseScreeningProvider>
    </CaseDbContext.Provider>
  );
}
