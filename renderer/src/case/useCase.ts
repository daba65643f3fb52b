import { useCallback } from 'react';
import type { InvestigationDb } from '../db/schema';
import { useCaseDb } from './caseDb';

/** Runs a mutation or job of the open investigation: `withCase(addClaim, { text })`. */
export type WithCase = <Args extends unknown[], Result>(
  work: (db: InvestigationDb, ...args: Args) => Result,
  ...args: Args
) => Result;

/**
 * How a component acts on the open investigation without holding its database: it names the
 * mutation (each writes its audit entry in its own transaction) and its arguments.
 */
export function useWithCase(): WithCase {
  const db = useCaseDb();
  return useCallback<WithCase>((work, ...args) => work(db, ...args), [db]);
}

/** The open investigation's id, for links to its pages. */
export const useInvestigationId = (): string => useCaseDb().investigationId;
