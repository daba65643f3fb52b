import { createContext, useContext } from 'react';
import type { InvestigationDb } from '../db/schema';

/**
 * The open investigation's database, for the case-data layer's hooks (the `.ts` files of features)
 * only: components get data from those hooks and act through useWithCase, never holding the
 * database themselves (eslint.config.js keeps `.tsx` files from importing this module).
 */
export const CaseDbContext = createContext<InvestigationDb | null>(null);

export function useCaseDb(): InvestigationDb {
  const db = useContext(CaseDbContext);
  if (!db) throw new Error('A case hook was used outside an open investigation (CaseProvider).');
  return db;
}
