/**
 * The normalised key of a party name, for finding every spelling of one company: `Poly Technologies,
 * Inc.`, `POLY TECHNOLOGIES INCORPORATED` and `ПОЛИ ТЕКНОЛОДЖИС` all lose case, punctuation, quotes and
 * legal forms, and Cyrillic is transliterated so a Latin spelling of a Russian name meets its
 * Cyrillic form. The raw spelling is always kept beside the key.
 */
import { transliterateUpper } from '../text/transliteration';

const legalFormSet = new Set([
  'LLC',
  'OOO',
  'ООО',
  'JSC',
  'OJSC',
  'CJSC',
  'PJSC',
  'АО',
  'ОАО',
  'ЗАО',
  'ПАО',
  'AO',
  'OAO',
  'ZAO',
  'PAO',
  'INC',
  'INCORPORATED',
  'CO',
  'LTD',
  'LIMITED',
  'CORP',
  'CORPORATION',
  'COMPANY',
  'GMBH',
  'LLP',
  'PLC',
  'SA',
  'AG',
  'BV',
  'NV',
  'SRL',
  'SPA',
  'ТОО',
  'TOO',
  'ИП',
  'ФГУП',
  'ГУП',
  'МУП',
  'НПО',
  'ПКФ',
]);

const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 200_000;

/**
 * The key of a party name. Memoised: customs files repeat a few thousand spellings across millions
 * of rows, and this is the costliest step of normalising a row.
 */
export function partyKey(raw: string): string {
  let key = keyCache.get(raw);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    key = computePartyKey(raw);
    keyCache.set(raw, key);
  }
  return key;
}

function computePartyKey(raw: string): string {
  const words = raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '' && !legalFormSet.has(word));
  return transliterateUpper(words.join(' '));
}

/** Legal forms that say the same in other words or scripts, each to one name. */
const sameLegalForm: Record<string, string> = {
  OOO: 'LLC',
  ООО: 'LLC',
  AO: 'JSC',
  АО: 'JSC',
  OAO: 'OJSC',
  ОАО: 'OJSC',
  ZAO: 'CJSC',
  ЗАО: 'CJSC',
  PAO: 'PJSC',
  ПАО: 'PJSC',
  INCORPORATED: 'INC',
  LIMITED: 'LTD',
  COMPANY: 'CO',
  CORPORATION: 'CORP',
  ТОО: 'TOO',
};

/**
 * The legal forms a name states, each once under one name (`ООО`, `OOO` and `LLC` alike), sorted:
 * the part of a name its key leaves out.
 */
export function legalForms(raw: string): string[] {
  const forms = raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => legalFormSet.has(word))
    .map((word) => sameLegalForm[word] ?? word);
  return [...new Set(forms)].sort();
}

/** The words of a party search, folded like keys, so `poly tech` and `Поли` meet keys the same way. */
export const partySearchWords = (query: string): string[] =>
  partyKey(query).split(' ').filter(Boolean);

/** Whether a key contains every word of a search (as substrings, so `tech` finds `TECHNOLOGIES`). */
export const partyKeyMatches = (key: string, words: readonly string[]): boolean =>
  words.every((word) => key.includes(word));
