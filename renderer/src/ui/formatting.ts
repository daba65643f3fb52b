const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

export const formatDate = (epochMs: number): string => dateFormat.format(epochMs);
export const formatDateTime = (epochMs: number): string => dateTimeFormat.format(epochMs);

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

const amountFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A weight or value; an empty one (NaN) shows as a dash. */
export const formatAmount = (value: number): string =>
  Number.isNaN(value) ? '—' : amountFormat.format(value);

const pluralRules = new Intl.PluralRules('en');

/** "1 note", "2 notes", "1,000 notes": the count and the word its English plural rule takes. */
export const plural = (count: number, one: string, many: string): string =>
  `${count.toLocaleString('en')} ${pluralRules.select(count) === 'one' ? one : many}`;
