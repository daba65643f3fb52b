/** HS (tariff) codes: digits only, with their length kept (`8807.30` → `880730`). */
export function normaliseHsCode(raw: string): { code: string } | { error: string } {
  const text = raw.trim();
  if (text === '') return { code: '' };
  const digits = text.replace(/[\s.\-/]/g, '');
  if (!/^\d+$/.test(digits)) return { error: `“${text.slice(0, 20)}” is not an HS code` };
  if (digits.length < 2 || digits.length > 14)
    return { error: `“${text}” has ${digits.length} digits` };
  return { code: digits };
}
