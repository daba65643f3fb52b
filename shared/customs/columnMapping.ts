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
 * Header names by field, in English, Russian and Chinese, as vendors, bills of lading and official
 * exports write them (normalised: `Масса брутто (кг)` is `масса брутто кг`, `毛重(千克)` is
 * `毛重 千克`, `№ декларации` is `no декларации`). Exact matches win over the partial patterns below.
 */
// prettier-ignore
const synonyms: Record<CanonicalField, string[]> = {
  declarationId: [
    'declaration number', 'declaration no', 'declaration id', 'record id', 'ref', 'reference', 'id',
    'номер дт', 'номер декларации', 'регистрационный номер дт', 'рег номер дт', 'номер', 'no декларации',
    'no дт', 'декларация', '报关单号', '报关单编号', '报关单号码', '申报单号',
  ],
  billOfLading: [
    'bill of lading number', 'bill of lading', 'bill of lading no', 'b l number', 'b l no', 'b l',
    'bl number', 'bl no', 'bol', 'bol number', 'master bill of lading', 'house bill of lading',
    'номер коносамента', 'коносамент', '提单号', '提运单号', '提单编号',
  ],
  date: [
    'date', 'shipment date', 'shipment date time', 'declaration date', 'arrival date', 'departure date',
    'дата', 'дата выпуска', 'дата декларации', 'дата оформления', 'дата регистрации', 'дата дт',
    'дата регистрации дт', '申报日期', '进口日期', '出口日期', '进出口日期', '日期',
  ],
  shipper: [
    'exporter', 'exporter name', 'shipper', 'shipper name', 'sender', 'consignor', 'seller', 'supplier',
    'отправитель', 'экспортер', 'грузоотправитель', 'продавец', 'отправитель экспортер',
    'экспортер отправитель', 'наименование отправителя', 'наименование экспортера',
    '出口商', '发货人', '出口商 发货人', '境外发货人', '发货人名称', '出口商名称', '供应商',
  ],
  consignee: [
    'importer', 'importer name', 'consignee', 'consignee name', 'receiver', 'recipient', 'buyer',
    'получатель', 'импортер', 'грузополучатель', 'покупатель', 'получатель импортер',
    'импортер получатель', 'наименование получателя', 'наименование импортера',
    '进口商', '收货人', '进口商 收货人', '境内收发货人', '境外收货人', '收货人名称', '进口商名称', '采购商',
  ],
  originCountry: [
    'country of origin', 'origin country', 'origin', 'country origin', 'export country',
    'страна происхождения', 'страна отправления', 'страна экспорта', 'страна происхождения товара',
    '原产国', '原产地', '原产国 地区', '起运国', '起运国 地区', '启运国', '产地',
  ],
  destinationCountry: [
    'country of destination', 'destination country', 'destination', 'import country',
    'страна назначения', 'страна импорта', 'страна получения',
    '目的国', '目的国 地区', '运抵国', '运抵国 地区', '最终目的国', '目的地',
  ],
  hsCode: [
    'hs code', 'hs', 'hscode', 'tariff code', 'commodity code', 'tnved', 'tn ved code',
    'код тн вэд', 'тн вэд', 'код товара', 'код тн вэд еаэс', 'тн вэд еаэс',
    '商品编码', '海关编码', 'hs编码', '税则号', '商品编号',
  ],
  description: [
    'product description', 'goods description', 'description', 'goods', 'product', 'commodity',
    'goods shipped', 'description of goods', 'cargo description', 'cargo',
    'описание товара', 'наименование товара', 'описание', 'товар', 'наименование',
    'описание товаров', 'наименование и описание товара',
    '商品名称', '商品描述', '品名', '货物名称', '商品名称及规格型号',
  ],
  weightKg: [
    'gross weight kg', 'weight kg', 'gross kg', 'gross weight', 'weight', 'gross weight kgs',
    'вес брутто кг', 'вес брутто', 'вес кг', 'вес', 'масса брутто кг', 'масса брутто', 'масса кг',
    '毛重', '毛重 千克', '毛重 kg', '毛重 公斤', '毛重千克',
  ],
  value: [
    'statistical value usd', 'value usd', 'declared value', 'value', 'statistical value', 'invoice value',
    'customs value', 'статистическая стоимость usd', 'статистическая стоимость', 'фактурная стоимость',
    'таможенная стоимость', 'стоимость', 'стоимость долл сша', 'статистическая стоимость долл сша',
    'фактурная стоимость долл сша', 'стоимость usd',
    '美元价值', '金额', '美元金额', '总价', '成交总价', '申报金额', '价值',
  ],
  currency: ['currency', 'валюта', 'код валюты', 'валюта контракта', '币制', '币种', '币别'],
};

/** A word among letters and digits: `\b` knows only ASCII, so Cyrillic needs its own edges. */
const words = (...alternatives: string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u');
/** Chinese has no spaces between words: a part of a header is enough. */
const han = (...parts: string[]) => new RegExp(parts.join('|'), 'u');

const datePatterns = [words('date', 'дата'), han('日期')];

const patterns: [CanonicalField, RegExp[]][] = [
  // First: a bill of lading's number is no declaration number (its date is left to the date field).
  [
    'billOfLading',
    [words('bill of lading', 'b l', 'коносамент', 'коносамента'), han('提单', '提运单')],
  ],
  // Net weight is not the gross weight the field holds: such a column is left for the user.
  [
    'weightKg',
    [words('gross weight', 'weight', 'вес брутто', 'масса брутто', 'вес', 'масса'), han('毛重')],
  ],
  ['value', [words('value', 'amount', 'стоимость', 'сумма'), han('价值', '金额', '总价')]],
  ['hsCode', [words('hs', 'тн вэд', 'tariff'), han('商品编码', '海关编码', '税则')]],
  ['date', datePatterns],
  [
    'shipper',
    [
      words(
        'exporter',
        'shipper',
        'consignor',
        'отправитель',
        'экспортер',
        'отправителя',
        'экспортера',
      ),
      han('发货人', '出口商'),
    ],
  ],
  [
    'consignee',
    [
      words('importer', 'consignee', 'получатель', 'импортер', 'получателя', 'импортера'),
      han('收货人', '进口商'),
    ],
  ],
  ['originCountry', [words('origin', 'происхождения'), han('原产', '起运国')]],
  ['destinationCountry', [words('destination', 'назначения'), han('目的', '运抵国')]],
  [
    'description',
    [words('description', 'описание', 'наименование', 'goods'), han('品名', '名称', '描述')],
  ],
  ['currency', [words('currency', 'валюта'), han('币制', '币种')]],
];

const isNetWeight = words('net', 'нетто', 'netto');

const matchesPattern = (field: CanonicalField, regexes: RegExp[], header: string): boolean =>
  regexes.some((regex) => regex.test(header)) &&
  !(field === 'weightKg' && (isNetWeight.test(header) || header.includes('净重'))) &&
  !(field === 'billOfLading' && datePatterns.some((regex) => regex.test(header)));

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
  for (const [field, regexes] of patterns) {
    if (mapping[field] !== null) continue;
    const index = normalised.findIndex(
      (header, column) => !taken.has(column) && matchesPattern(field, regexes, header),
    );
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}

/**
 * The boxes (графы) of the Russian/EAEU goods declaration, by the codes that extracts of declarations
 * use as headers (`G31_1`, `g311` and `G_31_1` are one code). Where several boxes could fill a field,
 * the lower rank wins: the country of origin before the country of dispatch, the statistical value in
 * US dollars before the item's invoice value (whose currency is box 22's) and the customs value in
 * roubles.
 */
// prettier-ignore
const declarationBoxes: Record<string, { field: CanonicalField | null; rank: number; currency?: string }> = {
  ND: { field: 'declarationId', rank: 0 },
  G071: { field: null, rank: 0 }, G072: { field: 'date', rank: 0 }, G073: { field: null, rank: 0 },
  G011: { field: null, rank: 0 }, G012: { field: null, rank: 0 },
  G022: { field: 'shipper', rank: 0 }, G082: { field: 'consignee', rank: 0 },
  G16: { field: 'originCountry', rank: 0 }, G15: { field: 'originCountry', rank: 1 },
  G15A: { field: 'originCountry', rank: 2 },
  G17: { field: 'destinationCountry', rank: 0 }, G17A: { field: 'destinationCountry', rank: 1 },
  G311: { field: 'description', rank: 0 }, G31: { field: 'description', rank: 1 },
  G33: { field: 'hsCode', rank: 0 }, G35: { field: 'weightKg', rank: 0 }, G38: { field: null, rank: 0 },
  G46: { field: 'value', rank: 0, currency: 'USD' }, G42: { field: 'value', rank: 1 },
  G45: { field: 'value', rank: 2, currency: 'RUB' },
  G221: { field: 'currency', rank: 0 }, G222: { field: null, rank: 0 },
};

const boxCode = (header: string): string =>
  header
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '');

const isBoxCode = (header: string): boolean => Object.hasOwn(declarationBoxes, boxCode(header));

const DECLARATION_LAYOUT = 'the Russian/EAEU goods declaration (box codes as headers)';

/** What the headers say about a file: its columns, the layout it is in, and its value currency. */
export type ColumnProposal = {
  mapping: ColumnMapping;
  /** A layout recognised as a whole (its columns mapped by what each box means), or null. */
  layout: string | null;
  /** The value column's currency, from the layout or the column's header, when no column gives it. */
  defaultCurrency: string;
};

/** Maps the columns of a declaration extract by what each box of the form means. */
function proposeDeclarationBoxes(headers: readonly string[]): ColumnProposal {
  const mapping = emptyMapping();
  const ranks = new Map<CanonicalField, number>();
  headers.forEach((header, column) => {
    const box = declarationBoxes[boxCode(header)];
    if (!box?.field) return;
    if ((ranks.get(box.field) ?? Infinity) <= box.rank) return;
    ranks.set(box.field, box.rank);
    mapping[box.field] = column;
  });
  const valueBox =
    mapping.value === null ? undefined : declarationBoxes[boxCode(headers[mapping.value])];
  // Box 22's currency is the invoice's: it says nothing of the dollar or rouble values.
  if (valueBox?.currency) mapping.currency = null;
  return { mapping, layout: DECLARATION_LAYOUT, defaultCurrency: valueBox?.currency ?? '' };
}

/**
 * Proposes how to read a file's columns: as a declaration extract when its headers are the form's
 * box codes, else by header names.
 */
export function proposeColumns(headers: readonly string[]): ColumnProposal {
  const boxes = headers.filter(isBoxCode).map(boxCode);
  const hasParty = boxes.includes('G022') || boxes.includes('G082');
  if (boxes.length >= 4 && hasParty && (boxes.includes('ND') || boxes.includes('G072'))) {
    return proposeDeclarationBoxes(headers);
  }
  const mapping = proposeMapping(headers);
  const valueHeader = mapping.value === null ? undefined : headers[mapping.value];
  return {
    mapping,
    layout: null,
    defaultCurrency: mapping.currency === null ? (currencyFromHeader(valueHeader) ?? '') : '',
  };
}

const knownHeaders: ReadonlySet<string> = new Set(Object.values(synonyms).flat());

/** How many headers are known names of some field: the header row is the row where this peaks. */
export function knownHeaderCount(cells: readonly string[]): number {
  return cells.filter((cell) => knownHeaders.has(normaliseHeader(cell)) || isBoxCode(cell)).length;
}

/** The fields an import cannot do without that the mapping leaves out. */
export function missingRequiredFields(mapping: ColumnMapping): string[] {
  const missing: string[] = [];
  if (mapping.date === null) missing.push('date');
  if (mapping.shipper === null && mapping.consignee === null) missing.push('shipper or consignee');
  return missing;
}

/** A key for remembering a layout: the same headers in the same order give the same signature. */
export const headerSignature = (headers: readonly string[]): string =>
  headers.map(normaliseHeader).join('\u001f');

// Currencies as headers name them, in codes, words and signs (`Стоимость, долл. США`, `美元价值`).
const headerCurrencies: [string, RegExp][] = [
  ['USD', /(?<![\p{L}])(?:usd|us\$)(?![\p{L}])|долл|доллар|\$|美元/u],
  ['EUR', /(?<![\p{L}])eur(?![\p{L}])|евро|€|欧元/u],
  ['RUB', /(?<![\p{L}])(?:rub|rur)(?![\p{L}])|руб|₽|卢布/u],
  ['CNY', /(?<![\p{L}])(?:cny|rmb)(?![\p{L}])|юан|人民币/u],
  ['GBP', /(?<![\p{L}])gbp(?![\p{L}])|фунт|£|英镑/u],
  ['JPY', /(?<![\p{L}])jpy(?![\p{L}])|日元/u],
  ['KZT', /(?<![\p{L}])kzt(?![\p{L}])|тенге/u],
  ['BYN', /(?<![\p{L}])byn(?![\p{L}])/u],
  ['AED', /(?<![\p{L}])aed(?![\p{L}])|дирхам/u],
  ['TRY', /(?<![\p{L}])try(?![\p{L}])/u],
  ['INR', /(?<![\p{L}])inr(?![\p{L}])/u],
  ['HKD', /(?<![\p{L}])hkd(?![\p{L}])|港币/u],
];

/** A currency named in a value column's header (`STATISTICAL VALUE USD`, `Стоимость, долл. США`). */
export function currencyFromHeader(header: string | undefined): string | null {
  if (!header) return null;
  const text = header.normalize('NFKC').toLocaleLowerCase();
  const found = headerCurrencies.filter(([, pattern]) => pattern.test(text));
  // A header naming two currencies (`value, RUB (USD rate)`) decides nothing.
  return found.length === 1 ? found[0][0] : null;
}
