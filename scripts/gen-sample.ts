/**
 * Writes the sample investigation that the app offers on an empty home screen:
 *   npx tsx scripts/gen-sample.ts [--check]
 * Everything in it is synthetic, modelled on the reference case (../shared/handbook/CASE.md) and
 * describing no real shipment. With --check it only verifies that the committed file is current.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleInvestigationSchema, type SampleInvestigation } from '../shared/sampleInvestigation';
import { buildSampleCustoms, sampleCompanies } from './sampleCustoms';
import { buildSampleDocuments, samplePassages } from './sampleDocuments';

const sampleDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'sample');
export const samplePath = path.join(sampleDir, 'sample-investigation.json');

/** Every file the sample consists of, with its contents. */
export const sampleFiles = (): { path: string; text: string }[] => [
  { path: samplePath, text: `${JSON.stringify(buildSample(), null, 2)}\n` },
  ...buildSampleCustoms().map(({ file, text }) => ({ path: path.join(sampleDir, file), text })),
  ...buildSampleDocuments().map(({ file, text }) => ({ path: path.join(sampleDir, file), text })),
];

const noRequest = null;
const note = { body: '', request: noRequest };
const source = { affiliation: '', attribution: '', aliases: [] };

export function buildSample(): SampleInvestigation {
  return sampleInvestigationSchema.parse({
    format: 'waybill-sample',
    version: 3,
    name: 'Sample: China–Russia defense trade 2022 (synthetic)',
    notice:
      'Synthetic sample. Every company, shipment and source in this investigation is invented for ' +
      'demonstration and describes no real case.',
    datasets: [
      {
        file: 'sample-vendor-x.csv',
        vendor: 'Vendor X (synthetic)',
        origin: 'Synthetic customs declarations',
      },
      {
        file: 'sample-vendor-y.tsv',
        vendor: 'Vendor Y (synthetic)',
        origin: 'Synthetic customs declarations',
      },
    ],
    entities: [
      {
        key: 'exporter',
        ...sampleCompanies.exporter,
        country: 'CN',
        identifiers: [{ scheme: 'USCC', value: '91000000SAMPLE0001' }],
        sanction: { by: 'Office of Sample Sanctions', since: '2013-05-14', excerpt: 'first' },
      },
      {
        key: 'plant',
        ...sampleCompanies.plant,
        country: 'RU',
        identifiers: [{ scheme: 'INN', value: '0000000001' }],
        sanction: null,
      },
      {
        key: 'engineTrader',
        ...sampleCompanies.engineTrader,
        country: 'CN',
        identifiers: [],
        sanction: null,
      },
      {
        key: 'engineMaker',
        ...sampleCompanies.engineMaker,
        country: 'RU',
        identifiers: [],
        sanction: null,
      },
    ],
    savedFilters: [
      {
        key: 'toPlant',
        name: 'Northstar → Krasnogorsk plant, 2022',
        shipper: 'exporter',
        consignee: 'plant',
        dateFrom: '2022-01-01',
        dateTo: '2022-12-31',
      },
      {
        key: 'fromPlant',
        name: 'Krasnogorsk plant → Northstar, 2022',
        shipper: 'plant',
        consignee: 'exporter',
        dateFrom: '2022-01-01',
        dateTo: '2022-12-31',
      },
      {
        key: 'engines',
        name: 'Eastwind → Volga Turbine Works, 2022',
        shipper: 'engineTrader',
        consignee: 'engineMaker',
        dateFrom: '2022-01-01',
        dateTo: '2022-12-31',
      },
    ],
    documents: [
      {
        key: 'notice',
        file: 'sample-designation-notice.pdf',
        origin: 'Synthetic: written by the sample generator',
      },
      {
        key: 'profile',
        file: 'sample-company-profile.pdf',
        origin: 'Synthetic: written by the sample generator',
      },
    ],
    excerpts: [
      {
        key: 'first',
        document: 'notice',
        quote: samplePassages.firstDesignation,
        comment: 'The first designation, 2013.',
      },
      {
        key: 'renewed',
        document: 'notice',
        quote: samplePassages.renewedDesignation,
        comment: 'The renewal, 2022.',
      },
      {
        key: 'ownership',
        document: 'profile',
        quote: samplePassages.profileOwnership,
        comment: '',
      },
    ],
    sources: [
      {
        ...source,
        key: 'expert',
        name: 'Dr. Sample Expert',
        affiliation: 'aviation analyst (invented)',
        confidentiality: 'on-record',
      },
      {
        ...source,
        key: 'official',
        name: 'Invented Official',
        confidentiality: 'background',
        attribution: 'a Western official',
      },
      {
        ...source,
        key: 'insider',
        name: 'Vera Inventova',
        affiliation: 'former engineer',
        confidentiality: 'confidential',
      },
      {
        ...source,
        key: 'exporterPress',
        name: 'Northstar Avia Trading press office',
        confidentiality: 'on-record',
      },
      {
        ...source,
        key: 'plant',
        name: 'Krasnogorsk Rotorcraft Plant',
        confidentiality: 'on-record',
      },
    ],
    notes: [
      {
        ...note,
        key: 'expert',
        kind: 'interview',
        title: 'Expert on rotorcraft supply chains',
        body: 'The parts listed are **routine maintenance items**; they say little about combat use.',
        source: 'expert',
        date: '2023-02-10',
      },
      {
        ...note,
        key: 'official',
        kind: 'interview',
        title: 'Background call with an official',
        body: 'Confirms that the renewal of the designation concerned the 2022 shipments.',
        source: 'official',
        date: '2023-02-14',
      },
      {
        ...note,
        key: 'insider',
        kind: 'interview',
        title: 'Former employee of the plant',
        body: 'Says the plant relied on the exporter for tail rotor assemblies.',
        source: 'insider',
        date: '2023-03-01',
      },
      {
        ...note,
        key: 'rfcExporter',
        kind: 'request-for-comment',
        title: 'Questions to Northstar Avia Trading',
        source: 'exporterPress',
        date: '2023-03-10',
        request: {
          to: 'Northstar Avia Trading',
          sentOn: '2023-03-10',
          deadline: '2023-03-17',
          outcome: 'no-response',
          answer: '',
        },
      },
      {
        ...note,
        key: 'rfcPlant',
        kind: 'request-for-comment',
        title: 'Questions to the Krasnogorsk plant',
        source: 'plant',
        date: '2023-03-10',
        request: {
          to: 'Krasnogorsk Rotorcraft Plant',
          sentOn: '2023-03-10',
          deadline: '2023-03-17',
          outcome: 'declined',
          answer: '',
        },
      },
    ],
    sections: [
      {
        name: 'Shipments',
        claims: [
          {
            text:
              'A Chinese state defense exporter sent at least a dozen shipments of helicopter parts and ' +
              'radio equipment to a Russian helicopter plant in 2022, through at least mid-November.',
            status: 'Not independently verified',
            reason: 'The customs records come from two vendors reselling the same declarations.',
            tags: ['customs', 'helicopters'],
            evidence: [
              { kind: 'savedFilter', ref: 'toPlant', relation: 'supports', comment: '' },
              {
                kind: 'note',
                ref: 'insider',
                relation: 'context',
                comment: 'Explains what the parts were for.',
              },
            ],
          },
          {
            text: 'The Russian plant shipped helicopters and parts to the same company in 2022.',
            status: 'Draft',
            tags: ['customs', 'helicopters'],
            evidence: [
              { kind: 'savedFilter', ref: 'fromPlant', relation: 'supports', comment: '' },
            ],
          },
          {
            text:
              'Engine parts flowed both ways between a Chinese aviation trader and a Russian engine ' +
              'maker, the last shipment in December.',
            status: 'Draft',
            tags: ['customs', 'engines'],
            evidence: [
              {
                kind: 'savedFilter',
                ref: 'engines',
                relation: 'supports',
                comment: 'Only the Chinese-to-Russian direction is in the sample data so far.',
              },
            ],
          },
        ],
      },
      {
        name: 'Sanctions',
        claims: [
          {
            text: 'The exporter was first designated in 2013, and again in 2022.',
            status: 'Verified',
            reason: 'Both designations appear in the published notice.',
            tags: ['sanctions'],
            evidence: [
              { kind: 'excerpt', ref: 'first', relation: 'supports', comment: '' },
              { kind: 'excerpt', ref: 'renewed', relation: 'supports', comment: '' },
              { kind: 'entity', ref: 'exporter', relation: 'context', comment: '' },
              { kind: 'note', ref: 'official', relation: 'context', comment: '' },
            ],
          },
        ],
      },
      {
        name: 'Responses and context',
        claims: [
          {
            text: 'The companies did not respond to requests for comment.',
            status: 'No response to request for comment',
            tags: ['right of reply'],
            evidence: [
              { kind: 'note', ref: 'rfcExporter', relation: 'supports', comment: '' },
              { kind: 'note', ref: 'rfcPlant', relation: 'supports', comment: 'Declined.' },
            ],
          },
          {
            text: 'There is no evidence that the goods directly fuelled the war.',
            status: 'Draft',
            tags: ['context'],
            evidence: [
              { kind: 'note', ref: 'expert', relation: 'supports', comment: '' },
              { kind: 'document', ref: 'profile', relation: 'context', comment: '' },
            ],
          },
        ],
      },
    ],
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const check = process.argv.includes('--check');
  mkdirSync(sampleDir, { recursive: true });
  for (const { path: file, text } of sampleFiles()) {
    if (check) {
      if (readFileSync(file, 'utf8') !== text) {
        console.error(`${file} is out of date: run npm run sample`);
        process.exit(1);
      }
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
}
