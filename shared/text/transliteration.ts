/**
 * Cyrillic in Latin letters, one letter at a time (a simple scheme close to the passport one), so
 * that a Latin spelling of a Russian or Ukrainian name meets its Cyrillic form. Used by party keys
 * (shared/customs/partyKey.ts) and by the search for confidential names (nameMatching.ts).
 */
// prettier-ignore
const cyrillicToLatin: Readonly<Record<string, string>> = {
  А: 'A', Б: 'B', В: 'V', Г: 'G', Д: 'D', Е: 'E', Ё: 'E', Ж: 'ZH', З: 'Z', И: 'I', Й: 'Y', К: 'K', Л: 'L',
  М: 'M', Н: 'N', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', У: 'U', Ф: 'F', Х: 'KH', Ц: 'TS', Ч: 'CH',
  Ш: 'SH', Щ: 'SHCH', Ъ: '', Ы: 'Y', Ь: '', Э: 'E', Ю: 'YU', Я: 'YA', І: 'I', Ї: 'YI', Є: 'YE', Ў: 'U',
};

/** An upper-case letter in Latin letters; any other character as it is. */
export const latinOfUpper = (char: string): string => cyrillicToLatin[char] ?? char;

/** Upper-case text with its Cyrillic letters in Latin letters. */
export function transliterateUpper(upperText: string): string {
  let out = '';
  for (const char of upperText) out += latinOfUpper(char);
  return out;
}
