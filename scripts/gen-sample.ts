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
import { buildSampleCustoms } from './sampleCustoms';

const sampleDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'sample');
export const samplePath = path.join(sampleDir, 'sample-investigation.json');

/** Every file the sample consists of, with its contents. */
export const sampleFiles = (): { path: string; text: string }[] => [
  { path: samplePath, text: `${JSON.stringify(buildSample(), null, 2)}\n` },
  ...buildSampleCustoms().map(({ file, text }) => ({ path: path.join(sampleDir, file), text })),
];

export function buildSample(): SampleInvestigation {
  return sampleInvestigationSchema.parse({
    format: 'waybill-sample',
    version: 1,
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
          },
          {
            text: 'The Russian plant shipped helicopters and parts to the same company in 2022.',
            status: 'Draft',
            tags: ['customs', 'helicopters'],
          },
          {
            text:
              'Engine parts flowed both ways between a Chinese aviation trader and a Russian engine ' +
              'maker, the last shipment in December.',
            status: 'Draft',
            tags: ['customs', 'engines'],
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
          },
          {
            text: 'There is no evidence that the goods directly fuelled the war.',
            status: 'Draft',
            tags: ['context'],
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
