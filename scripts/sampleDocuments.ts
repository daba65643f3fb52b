/**
 * The sample investigation's two PDFs: a designation notice and a company profile, both invented
 * and labelled synthetic on every page. Written by the project's own minimal PDF writer.
 */
import { writePdf } from './samplePdf';

const BANNER = 'SYNTHETIC SAMPLE DOCUMENT - describes no real company or designation';

/** Passages the sample cites as excerpts: each is one line of a page, so it is found verbatim. */
export const samplePassages = {
  firstDesignation:
    'NORTHSTAR AVIA TRADING CO LTD was first designated on 14 May 2013 for supplying',
  renewedDesignation: 'On 3 November 2022 the designation of NORTHSTAR AVIA TRADING CO LTD was',
  profileOwnership: 'Northstar Avia Trading is a state-owned exporter of aviation equipment.',
};

export function buildSampleDocuments(): { file: string; text: string; title: string }[] {
  const noticeTitle = 'Notice of Designation SAMPLE-2022-07 (synthetic sample document)';
  const profileTitle = 'Company profile: Northstar Avia Trading (synthetic sample document)';
  return [
    {
      file: 'sample-designation-notice.pdf',
      title: noticeTitle,
      text: writePdf(noticeTitle, [
        {
          heading: 'Notice of Designation SAMPLE-2022-07',
          lines: [
            BANNER,
            '',
            'The Office of Sample Sanctions gives notice of the following designation.',
            '',
            samplePassages.firstDesignation,
            'rotorcraft components to a designated end user.',
            '',
            'Aliases: Northstar Avia; NORTHSTAR AVIA Trading, Co., Ltd.',
          ],
        },
        {
          heading: 'Renewal',
          lines: [
            BANNER,
            '',
            samplePassages.renewedDesignation,
            'renewed, citing continued shipments of rotorcraft parts in 2022.',
            '',
            'Related party: KRASNOGORSK ROTORCRAFT PLANT JSC (also KRP JSC).',
          ],
        },
      ]),
    },
    {
      file: 'sample-company-profile.pdf',
      title: profileTitle,
      text: writePdf(profileTitle, [
        {
          heading: 'Company profile: Northstar Avia Trading',
          lines: [
            BANNER,
            '',
            samplePassages.profileOwnership,
            'Registered: 1998. Head office: a coastal city (invented).',
            'Main lines: rotorcraft parts, radio equipment, training services.',
          ],
        },
      ]),
    },
  ];
}
