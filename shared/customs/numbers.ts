/**
 * Numbers as vendors write them: `12,500.00`, `338751,00`, `1 234 567,5` (with spaces or no-break
 * spaces), `1.234.567,50`. Whether a lone comma is a decimal comma is decided per file from its data.
 */
const groupSpaces = /[\s\u00a0\u202f\u2009']/g;

/** A file writes decimal commas when some value ends in a comma and one or two digits. */
export function usesDecimalComma(samples: Iterable<string>): boolean {
  let comma = 0;
  let point = 0;
  for (const sample of samples) {
    const text = sample.replace(groupSpaces, '');
    if (/,\d{1,2}$/.test(text) || /^\d{1,3}(\.\d{3})+,\d+$/.test(text)) comma += 1;
    if (/\.\d{1,2}$/.test(text) || /^\d{1,3}(,\d{3})+\.\d+$/.test(text)) point += 1;
  }
  return comma > point;
}

export function parseNumber(raw: string, decimalComma: boolean): number | null {
  // The common forms skip the general separator logic below (this runs twice per imported row).
  if (decimalComma) {
    if (/^\d{1,15}(,\d+)?$/.test(raw)) return Number(raw.replace(',', '.'));
  } else {
    if (/^\d{1,15}(\.\d+)?$/.test(raw)) return Number(raw);
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) return Number(raw.replace(/,/g, ''));
  }
  let text = raw.trim().replace(groupSpaces, '');
  if (text === '') return null;
  const negative = /^-/.test(text) || /^\(.*\)$/.test(text);
  text = text.replace(/^[-+(]|\)$/g, '');
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return Number.NaN;
  const lastComma = text.lastIndexOf(',');
  const lastPoint = text.lastIndexOf('.');
  let decimalSeparator: ',' | '.' | null;
  if (lastComma >= 0 && lastPoint >= 0) decimalSeparator = lastComma > lastPoint ? ',' : '.';
  else if (lastComma >= 0)
    decimalSeparator = decimalComma || !/^\d{1,3}(,\d{3})+$/.test(text) ? ',' : null;
  else if (lastPoint >= 0)
    decimalSeparator = !decimalComma || !/^\d{1,3}(\.\d{3})+$/.test(text) ? '.' : null;
  else decimalSeparator = null;
  const group =
    decimalSeparator === ',' ? '.' : decimalSeparator === '.' ? ',' : lastComma >= 0 ? ',' : '.';
  const [whole = '', fraction, extra] = text
    .split(group)
    .join('')
    .split(decimalSeparator ?? '\u0000');
  if (extra !== undefined) return Number.NaN;
  const value = Number(fraction === undefined ? whole : `${whole}.${fraction}`);
  return negative ? -value : value;
}
