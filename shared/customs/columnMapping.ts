import { canonicalFields, emptyMapping, type CanonicalField, type ColumnMapping } from './fields';

/** A header as compared: lower case, punctuation and underscores as spaces, spaces folded. */
function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Header names by field, English and Russian, as the vendors in the fixtures and the trade-data
 * market write them. Exact matches win over the partial patterns below.
 */
// prettier-ignore
const synonyms: Record<CanonicalField, string[]> = {
  declarationId: [
    'declaration number', 'declaration no', 'declaration id', 'record id', 'ref', 'reference', 'id',
    'номер дт', 'номер декларации', 'регистрационный номер дт', 'номер',
  ],
  date: [
    'date', 'shipment date', 'shipment date time', 'declaration date', 'arrival date', 'departure date',
    'дата', 'дата выпуска', 'дата декларации', 'дата оформления', 'дата регистрации',
  ],
  shipper: [
    'exporter', 'exporter name', 'shipper', 'shipper name', 'sender', 'consignor', 'seller', 'supplier',
    'отправитель', 'экспортер', 'грузоотправитель', 'продавец',
  ],
  consignee: [
    'importer', 'importer name', 'consignee', 'consignee name', 'receiver', 'recipient', 'buyer',
    'получатель', 'импортер', 'грузополучатель', 'покупатель',
  ],
  originCountry: [
    'country of origin', 'origin country', 'origin', 'country origin', 'export country',
    'страна происхождения', 'страна отправления', 'страна экспорта',
  ],
  destinationCountry: [
    'country of destination', 'destination country', 'destination', 'import country',
    'страна назначения', 'страна импорта', 'страна получения',
  ],
  hsCode: [
    'hs code', 'hs', 'hscode', 'tariff code', 'commodity code', 'tnved', 'tn ved code',
    'код тн вэд', 'тн вэд', 'код товара',
  ],
  description: [
    'product description', 'goods description', 'description', 'goods', 'product', 'commodity',
    'описание товара', 'наименование товара', 'описание', 'товар',
  ],
  weightKg: [
    'gross weight kg', 'weight kg', 'gross kg', 'gross weight', 'weight', 'gross weight kgs',
    'вес брутто кг', 'вес брутто', 'вес кг', 'вес',
  ],
  value: [
    'statistical value usd', 'value usd', 'declared value', 'value', 'statistical value', 'invoice value',
    'customs value', 'статистическая стоимость usd', 'статистическая стоимость', 'фактурная стоимость',
    'таможенная стоимость', 'стоимость',
  ],
  currency: ['currency', 'валюта', 'код валюты'],
};

const patterns: [CanonicalField, RegExp][] = [
  ['weightKg', /\b(weight|вес)\b/],
  ['value', /\b(value|стоимость)\b/],
  ['hsCode', /\b(hs|тн вэд|tariff)\b/],
  ['date', /\b(date|дата)\b/],
  ['shipper', /\b(exporter|shipper|отправитель|экспортер)\b/],
  ['consignee', /\b(importer|consignee|получатель|импортер)\b/],
  ['originCountry', /\b(origin|происхождения)\b/],
  ['destinationCountry', /\b(destination|назначения)\b/],
  ['description', /\b(description|описание|наименование)\b/],
  ['currency', /\b(currency|валюта)\b/],
];

/** Proposes a column per field from the headers; each column serves at most one field. */
export function proposeMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping();
  const normalised = headers.map(normaliseHeader);
  const taken = new Set<number>();
  for (const field of canonicalFields) {
    const index = normalised.findIndex(
      (header, column) => !taken.has(column) && synonyms[field].includes(header),
    );
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  for (const [field, pattern] of patterns) {
    if (mapping[field] !== null) continue;
    const index = normalised.findIndex(
      (header, column) => !taken.has(column) && pattern.test(header),
    );
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}

/** How many headers are known names of some field: the header row is the row where this peaks. */
export function knownHeaderCount(cells: readonly string[]): number {
  const known = new Set(Object.values(synonyms).flat());
  return cells.filter((cell) => known.has(normaliseHeader(cell))).length;
}

/** The fields an import cannot do without that the mapping leaves out. */
export function missingRequiredFields(mapping: ColumnMapping): string[] {
  const missing: string[] = [];
  if (mapping.date === null) missing.push('date');
  if (mapping.shipper === null && mapping.consignee === null) missing.push('shipper or consignee');
  return missing;
}

/** A key for remembering a mapping: the same headers in the same order give the same signature. */
export const headerSignature = (headers: readonly string[]): string =>
  headers.map(normaliseHeader).join('\u001f');

/** A currency named in the value column's header (`STATISTICAL VALUE USD`), as the dataset's default. */
export function currencyFromHeader(header: string | undefined): string | null {
  const match = header
    ?.toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .match(/\b(USD|EUR|RUB|CNY|GBP|JPY|KZT|BYN|AED|TRY|INR|HKD)\b/);
  return match?.[1] ?? null;
}
