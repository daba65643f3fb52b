import { seededRandom } from './seededRandom';

/**
 * The sample investigation's customs files: two vendors' exports of the same invented declarations,
 * in two layouts. Every company, shipment and value here is made up (deterministically, so the
 * committed files can be checked against this code); the names resemble no real company on purpose.
 */
const EXPORTER = 'NORTHSTAR AVIA TRADING CO LTD';
const PLANT = 'KRASNOGORSK ROTORCRAFT PLANT JSC';
const ENGINE_TRADER = 'EASTWIND AERO PARTS CO';
const ENGINE_MAKER = 'VOLGA TURBINE WORKS JSC';
/** How the plant appears elsewhere: an abbreviation in vendor X, its Russian name in vendor Y. */
const PLANT_SHORT = 'KRP JSC';
const PLANT_RUSSIAN = 'АО "КРАСНОГОРСКИЙ ВЕРТОЛЕТНЫЙ ЗАВОД"';

/** The sample's companies and the spellings a researcher merges into each. */
export const sampleCompanies = {
  exporter: { name: 'Northstar Avia Trading', spellings: [EXPORTER] },
  plant: { name: 'Krasnogorsk Rotorcraft Plant', spellings: [PLANT, PLANT_SHORT, PLANT_RUSSIAN] },
  engineTrader: { name: 'Eastwind Aero Parts', spellings: [ENGINE_TRADER] },
  engineMaker: { name: 'Volga Turbine Works', spellings: [ENGINE_MAKER] },
};

const noiseShippers = [
  'HARBOUR LIGHT TRADING',
  'SILVER CRANE MACHINERY CO LTD',
  'BLUE RIVER TEXTILES',
  'GREAT WALL OF BOLTS CO',
];
const noiseConsignees = [
  'LLC NORDTRADE',
  'OOO AVTOPARTS-SIB',
  'LLC KAMA LOGISTIC',
  'OOO TEPLOSTROY',
];
const noiseGoods: [string, string][] = [
  ['7318158100', 'STEEL BOLTS AND NUTS'],
  ['8482100000', 'BALL BEARINGS'],
  ['6204620000', 'COTTON TROUSERS'],
  ['8708299009', 'PARTS OF MOTOR VEHICLE BODIES'],
];

type Record = {
  id: number;
  date: string;
  shipper: string;
  consignee: string;
  from: string;
  to: string;
  hs: string;
  goods: string;
  kg: number;
  usd: number;
};

function records(): Record[] {
  const next = seededRandom(2022);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const date = (month: number) =>
    `2022-${String(month).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  const rows: Record[] = [];
  const add = (row: Omit<Record, 'id'>) => rows.push({ id: rows.length + 1, ...row });
  // The story's 13 shipments, as in the reference case: 3 January to 15 November 2022.
  const storyDates = [
    '2022-01-03',
    ...Array.from({ length: 11 }, (_, index) => date(2 + (index % 9))),
    '2022-11-15',
  ];
  for (const storyDate of storyDates) {
    add({
      date: storyDate,
      shipper: EXPORTER,
      consignee: PLANT,
      from: 'CN',
      to: 'RU',
      hs: '8807300000',
      goods: 'PARTS FOR ROTORCRAFT: TAIL ROTOR ASSEMBLY',
      kg: 200 + Math.floor(next() * 900),
      usd: 50_000 + Math.floor(next() * 400_000),
    });
  }
  for (let index = 0; index < 4; index += 1) {
    add({
      date: date(2 + index * 3),
      shipper: PLANT,
      consignee: EXPORTER,
      from: 'RU',
      to: 'CN',
      hs: '8802120000',
      goods: 'ROTORCRAFT, TRANSPORT VERSION, NEW',
      kg: 7000 + Math.floor(next() * 500),
      usd: 9_000_000 + Math.floor(next() * 4_000_000),
    });
  }
  for (let index = 0; index < 5; index += 1) {
    add({
      date: date(1 + index * 2),
      shipper: ENGINE_TRADER,
      consignee: ENGINE_MAKER,
      from: 'CN',
      to: 'RU',
      hs: '8411990019',
      goods: 'TURBINE ENGINE PARTS RETURNED UNDER WARRANTY',
      kg: 40 + Math.floor(next() * 300),
      usd: 20_000 + Math.floor(next() * 90_000),
    });
  }
  for (let index = 0; index < 160; index += 1) {
    const [hs, goods] = pick(noiseGoods);
    const inbound = next() < 0.8;
    add({
      date: date(1 + Math.floor(next() * 12)),
      shipper: inbound ? pick(noiseShippers) : pick(noiseConsignees),
      consignee: inbound ? pick(noiseConsignees) : pick(noiseShippers),
      from: inbound ? 'CN' : 'RU',
      to: inbound ? 'RU' : 'CN',
      hs,
      goods,
      kg: 100 + Math.floor(next() * 20_000),
      usd: 5_000 + Math.floor(next() * 600_000),
    });
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
}

const quoted = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const country = { CN: 'CHINA', RU: 'RUSSIA' } as const;

/** Vendor X: comma-separated, US dates, upper-case headers, thousands separators. */
function vendorX(rows: Record[]): string {
  const lines = [
    'DECLARATION NUMBER,DATE,EXPORTER NAME,IMPORTER NAME,COUNTRY OF ORIGIN,COUNTRY OF DESTINATION,HS CODE,PRODUCT DESCRIPTION,GROSS WEIGHT KG,STATISTICAL VALUE USD',
  ];
  const plant = (name: string, id: number) => (name === PLANT && id % 4 === 0 ? PLANT_SHORT : name);
  for (const row of rows) {
    const [year, month, day] = row.date.split('-');
    lines.push(
      [
        `SX-${String(row.id).padStart(6, '0')}`,
        `${month}/${day}/${year}`,
        plant(row.shipper, row.id),
        plant(row.consignee, row.id),
        country[row.from as 'CN'],
        country[row.to as 'RU'],
        row.hs,
        row.goods,
        String(row.kg),
        row.usd.toLocaleString('en-US', { minimumFractionDigits: 2 }),
      ]
        .map(quoted)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Vendor Y: tab-separated, ISO dates, snake_case headers, shorter HS codes, other spellings. */
function vendorY(rows: Record[]): string {
  const spelling = (name: string) =>
    name === PLANT
      ? PLANT_RUSSIAN
      : name.replace(' CO LTD', ', Co., Ltd.').replace(' JSC', '').replace('TRADING', 'Trading');
  const lines = [
    'record_id\tdate\tshipper\tconsignee\torigin_country\tdestination_country\ths_code\tgoods_description\tweight_kg\tvalue_usd',
  ];
  // Vendor Y lacks a third of the background rows, but has every story shipment.
  const story = new Set([EXPORTER, PLANT, ENGINE_TRADER, ENGINE_MAKER]);
  for (const row of rows.filter((entry, index) => index % 3 !== 1 || story.has(entry.shipper))) {
    lines.push(
      [
        `SY-${row.id}`,
        row.date,
        spelling(row.shipper),
        spelling(row.consignee),
        row.from,
        row.to,
        row.hs.slice(0, 6),
        row.goods,
        String(row.kg),
        row.usd.toFixed(2),
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function buildSampleCustoms(): { file: string; text: string }[] {
  const rows = records();
  return [
    { file: 'sample-vendor-x.csv', text: vendorX(rows) },
    { file: 'sample-vendor-y.tsv', text: vendorY(rows) },
  ];
}
