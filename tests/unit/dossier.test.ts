import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { investigationDb } from '../../renderer/src/db/databases';
import type { InvestigationDb } from '../../renderer/src/db/schema';
import { addClaim, changeClaimStatus } from '../../renderer/src/case/claims/claimMutations';
import { addSection } from '../../renderer/src/case/claims/sectionMutations';
import { collectDossierInput } from '../../renderer/src/features/dossier/collectDossierInput';
import { addExcerpt } from '../../renderer/src/case/documents/excerptMutations';
import { linkEvidence } from '../../renderer/src/case/evidence/linkMutations';
import { createInvestigation } from '../../renderer/src/features/investigations/investigationMutations';
import { emptyNote, saveNote } from '../../renderer/src/case/notes/noteMutations';
import { saveFilter } from '../../renderer/src/case/shipments/savedFilterMutations';
import { emptyShipmentFilter } from '../../shared/customs/shipmentFilter';
import { renderEvidenceCsv } from '../../shared/dossier/evidenceCsv';
import { renderAnnotations } from '../../shared/dossier/annotations';
import { buildDossier, buildDossierAndRecords } from '../../shared/dossier/build';
import { dossierFiles, packageDossier } from '../../shared/dossier/dossierPackage';
import { renderHtml } from '../../shared/dossier/html';
import { renderMarkdown } from '../../shared/dossier/markdown';
import { dossierTexts } from '../../shared/dossier/nameCheckTexts';
import { confidentialLabels } from '../../shared/dossier/redaction';
import { exportTexts } from '../../shared/redaction/exportText';
import { checkedForms, checkNames } from '../../shared/redaction/nameCheck';
import type { DossierOptions } from '../../shared/dossier/model';
import { implicitEntityId } from '../../shared/entities/entity';
import { mergeEntities } from '../../renderer/src/case/entities/entityMutations';
import type { Investigation } from '../../shared/investigation';
import type { NoteDraft } from '../../renderer/src/case/notes/noteMutations';
import { emptySource, type SourceDraft } from '../../shared/notes/source';
import { foldName, foldText } from '../../shared/text/nameMatching';
import {
  DOSSIER_ELEMENTS,
  markdownNodeTypes,
  markdownText,
  TEMPLATE_NODES,
} from '../dossierElements';
import { fixture } from '../fixtureSets';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/** The text of a Markdown node, markup gone. */
const markdownOf = (node: Nodes): string =>
  'value' in node ? node.value : 'children' in node ? node.children.map(markdownOf).join('') : '';
import { importFixture } from './db/customsFixture';
import { engineOf, matchedCase } from './dossierCases';
import { documentRecord } from './db/documentRecord';

const CONFIDENTIAL = { name: 'Ivan Secretov', role: 'procurement officer at the plant' };
const BACKGROUND = { name: 'Jane Officialson', attribution: 'a Western official' };
const EXPORTED_AT = new Date('2026-11-28T12:00:00.000Z');

/** Each record a second after the last, so that orders by time are the same on every run. */
const tick = () => vi.setSystemTime(Date.now() + 1000);

/** A note, with a new source of these fields when any is given. */
async function note(
  db: InvestigationDb,
  fields: Partial<NoteDraft>,
  source?: Partial<SourceDraft>,
) {
  tick();
  return saveNote(
    db,
    { ...emptyNote(), ...fields },
    undefined,
    source && { id: null, draft: { ...emptySource(), ...source } },
  );
}

async function cite(
  db: InvestigationDb,
  claimId: string,
  targetType: 'note' | 'savedFilter' | 'excerpt' | 'document' | 'entity' | 'shipment',
  targetId: string,
  relation: 'supports' | 'contradicts' | 'context',
  comment = '',
) {
  tick();
  await linkEvidence(db, { claimId, targetType, targetId, label: targetId, relation, comment });
}

/** A small investigation, built through the app's own mutations. */
async function smallInvestigation(): Promise<{
  db: InvestigationDb;
  investigation: Investigation;
}> {
  const investigation = await createInvestigation('Dossier test case');
  const db = investigationDb(investigation);
  await importFixture(db, fixture('customs', 'vendor-d-utf16-pipe.txt'), {
    vendor: 'Vendor D',
    origin: 'RU customs',
  });
  const statuses = await db.statuses.toArray();
  const status = (name: string) => statuses.find((entry) => entry.name === name)!.id;
  const section = await addSection(db, 'Shipments');
  tick();
  const shipped = await addClaim(db, {
    text: 'Poly Technologies shipped parts to the Ulan-Ude plant.',
    sectionId: section.id,
    tags: ['customs'],
  });
  await changeClaimStatus(db, shipped.id, status('Not independently verified'), 'One origin only.');
  tick();
  const declined = await addClaim(db, {
    text: 'The plant declined to comment.',
    sectionId: section.id,
  });
  tick();
  const designated = await addClaim(db, { text: 'The exporter was designated in 2013.' });
  await changeClaimStatus(db, designated.id, status('Verified'), 'Seen in the notice.');

  await saveFilter(db, 'Poly as shipper', {
    ...emptyShipmentFilter,
    party: 'poly tech',
    partyRole: 'shipper',
  });
  const filterId = (await db.savedFilters.toArray())[0].id;
  const confidential = await note(
    db,
    {
      title: 'Insider account',
      body: `Met ${CONFIDENTIAL.name} twice; the *parts* were rotor blades.`,
    },
    {
      name: CONFIDENTIAL.name,
      affiliation: CONFIDENTIAL.role,
      confidentiality: 'confidential',
    },
  );
  const background = await note(
    db,
    {
      title: 'Official on the listing',
      body: `${BACKGROUND.name} confirmed the 2013 listing.`,
    },
    {
      name: BACKGROUND.name,
      confidentiality: 'background',
      attribution: BACKGROUND.attribution,
    },
  );
  const request = await note(
    db,
    {
      kind: 'request-for-comment',
      title: 'Questions to Poly Technologies',
      body: `Asked about what ${CONFIDENTIAL.name} told us, without naming him.`,
      request: {
        to: 'Poly Technologies',
        sentOn: '2023-03-01',
        deadline: '2023-03-08',
        outcome: 'no-response',
        answer: '',
      },
    },
    {
      name: 'Poly Technologies press office',
    },
  );
  await db.documents.add({
    id: 'document-1',
    sha256: 'a'.repeat(64),
    fileName: 'designation-notice.pdf',
    title: 'Notice of Designation (synthetic)',
    origin: 'test',
    pageCount: 3,
    addedAt: 0,
    encrypted: false,
    textStatus: 'complete',
    pagesExtracted: 3,
  });
  const pageText = 'The exporter was previously designated in 2013 for supplying parts.';
  const start = pageText.indexOf('previously');
  tick();
  const excerpt = await addExcerpt(db, (await db.documents.get('document-1'))!, {
    page: 1,
    pageText,
    span: { start, end: start + 'previously designated in 2013'.length },
    rects: [],
    comment: `Flagged by ${BACKGROUND.name}.`,
  });

  await cite(
    db,
    shipped.id,
    'savedFilter',
    filterId,
    'supports',
    `Checked with ${CONFIDENTIAL.name}.`,
  );
  await cite(db, shipped.id, 'note', confidential, 'context');
  await cite(db, shipped.id, 'note', request, 'context');
  await cite(db, shipped.id, 'entity', implicitEntityId('POLY TECHNOLOGIES'), 'context');
  await cite(db, declined.id, 'note', background, 'supports');
  await cite(db, designated.id, 'excerpt', excerpt.id, 'supports');
  await cite(db, designated.id, 'document', 'document-1', 'context');
  await cite(db, designated.id, 'note', background, 'context');
  return { db, investigation };
}

async function dossierOf(options: DossierOptions) {
  const { db, investigation } = await smallInvestigation();
  const input = await collectDossierInput(db, investigation, await engineOf(db), EXPORTED_AT);
  return buildDossier(input, options);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-01T00:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the dossier model', () => {
  it('matches the golden full dossier', async () => {
    const dossier = await dossierOf({ profile: 'full', selection: { kind: 'all' } });
    await expect(`${JSON.stringify(dossier, null, 2)}\n`).toMatchFileSnapshot(
      './golden/dossier-full.json',
    );
  });

  it('shows the first 200 rows in HTML and Markdown, and says where every row is', async () => {
    const dossier = await dossierOf({ profile: 'full', selection: { kind: 'all' } });
    const many = {
      ...dossier,
      shipments: Array.from({ length: 250 }, (_, index) => ({
        ...dossier.shipments[0],
        id: `S${index + 1}`,
        shipment: `M${Math.floor(index / 2) + 1}`,
      })),
    };
    const note =
      'The dossier holds 250 shipment rows (125 distinct shipments); the first 200 are shown here';
    const html = renderHtml(many);
    expect(html).toContain(note);
    expect(html.match(/raw cells of/g)).toHaveLength(200);
    expect(html).not.toContain('S201');
    const markdown = renderMarkdown(many);
    expect(markdown.replace(/\s+/g, ' ')).toContain(note);
    expect(markdown).not.toContain('S201');
    // The CSV holds every row.
    expect(renderEvidenceCsv(many)).toContain('"S250"');
  });

  it('quotes an excerpt as it reads, and as extracted where a line end was joined', async () => {
    const dossier = await dossierOf({ profile: 'full', selection: { kind: 'all' } });
    expect(renderHtml(dossier)).not.toContain('As extracted');
    const [excerpt] = dossier.excerpts;
    const joined = {
      ...dossier,
      excerpts: [
        {
          ...excerpt,
          quote: 'previously desig-\nnated in 2013',
          reading: 'previously designated in 2013',
        },
      ],
    };
    const html = renderHtml(joined);
    expect(html).toContain(
      '<blockquote><p><bdi>previously designated in 2013</bdi></p></blockquote>',
    );
    expect(html).toContain(
      'As extracted, line ends kept:</p><pre><bdi>previously desig-\nnated in 2013</bdi></pre>',
    );
    // (The appendix is a list: its blocks are indented.)
    const markdown = renderMarkdown(joined).replace(/^ +/gm, '');
    expect(markdown).toContain('> previously designated in 2013');
    expect(markdown).toContain(
      'As extracted, line ends kept:\n```\npreviously desig-\nnated in 2013\n```',
    );
  });

  it('cites the version an excerpt comes from, where its document has several', async () => {
    const { db, investigation } = await smallInvestigation();
    await db.documents.add({
      ...documentRecord('document-2', 'Notice of Designation (synthetic)'),
      supersedes: 'document-1',
    });
    const input = await collectDossierInput(db, investigation, await engineOf(db), EXPORTED_AT);
    const dossier = buildDossier(input, { profile: 'full', selection: { kind: 'all' } });
    expect(dossier.excerpts[0].document).toBe('Notice of Designation (synthetic) (version 1 of 2)');
    expect(dossier.documents.map((document) => document.title)).toEqual([
      'Notice of Designation (synthetic) (version 1 of 2)',
    ]);
  });

  it('matches the golden publication dossier', async () => {
    const dossier = await dossierOf({ profile: 'publication', selection: { kind: 'all' } });
    await expect(`${JSON.stringify(dossier, null, 2)}\n`).toMatchFileSnapshot(
      './golden/dossier-publication.json',
    );
  });

  it('cites with numbers through the whole dossier and freezes saved filters at export', async () => {
    const dossier = await dossierOf({ profile: 'full', selection: { kind: 'all' } });
    const claims = dossier.sections.flatMap((section) => section.claims);
    expect(claims.map((claim) => claim.number)).toEqual([1, 2, 3]);
    expect(claims.flatMap((claim) => claim.citations.map((citation) => citation.number))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(dossier.savedFilters[0]).toMatchObject({
      id: 'F1',
      name: 'Poly as shipper',
      frozenAt: EXPORTED_AT.toISOString(),
      definition: ['Party (shipper) contains: poly tech'],
    });
    expect(dossier.savedFilters[0]?.shipments).toHaveLength(claims[0].summary.sourceRows);
    expect(claims[0]?.summary.requests).toEqual([
      { title: 'Questions to Poly Technologies', to: 'Poly Technologies', outcome: 'No response' },
    ]);
  });

  it('chooses claims by status, tag or hand, and the publication profile keeps only publishable ones', async () => {
    const { db, investigation } = await smallInvestigation();
    const input = await collectDossierInput(db, investigation, await engineOf(db), EXPORTED_AT);
    const texts = (options: DossierOptions) =>
      buildDossier(input, options).sections.flatMap((section) =>
        section.claims.map((claim) => claim.text),
      );
    const verified = input.statuses.find((status) => status.name === 'Verified')!.id;
    expect(
      texts({ profile: 'full', selection: { kind: 'statuses', statusIds: [verified] } }),
    ).toEqual(['The exporter was designated in 2013.']);
    expect(texts({ profile: 'full', selection: { kind: 'tags', tags: ['customs'] } })).toEqual([
      'Poly Technologies shipped parts to the Ulan-Ude plant.',
    ]);
    const declined = input.claims.find((claim) => claim.text.startsWith('The plant'))!.id;
    expect(texts({ profile: 'full', selection: { kind: 'claims', claimIds: [declined] } })).toEqual(
      ['The plant declined to comment.'],
    );
    expect(texts({ profile: 'publication', selection: { kind: 'all' } })).toEqual([
      'Poly Technologies shipped parts to the Ulan-Ude plant.',
      'The exporter was designated in 2013.',
    ]);
    const publication = buildDossier(input, { profile: 'publication', selection: { kind: 'all' } });
    const claims = publication.sections.flatMap((section) => section.claims);
    expect(claims.every((claim) => claim.reason === null)).toBe(true);
    expect(
      claims.flatMap((claim) => claim.citations).every((citation) => citation.comment === null),
    ).toBe(true);
  });
});

describe('a status’s rule in the dossier', () => {
  it('is stated beside the status, and its breach warned of in the full profile only', async () => {
    const { db, investigation } = await smallInvestigation();
    const corroborated = (await db.statuses.toArray()).find((s) => s.name === 'Corroborated')!;
    const claim = (await db.claims.toArray()).find((c) => c.text.startsWith('Poly'))!;
    await changeClaimStatus(db, claim.id, corroborated.id, 'Two vendors agree.');
    const input = await collectDossierInput(db, investigation, await engineOf(db), EXPORTED_AT);
    const claimIn = (options: DossierOptions) =>
      buildDossier(input, options)
        .sections.flatMap((section) => section.claims)
        .find((entry) => entry.text.startsWith('Poly'))!;
    const full = claimIn({ profile: 'full', selection: { kind: 'all' } });
    expect(full.summary.origins).toEqual(['RU customs']);
    expect(full.statusRule).toBe('at least 2 independent origins');
    expect(full.ruleWarnings).toEqual([
      '“Corroborated” needs 2 independent origins; this claim’s evidence has 1.',
    ]);
    const publication = claimIn({ profile: 'publication', selection: { kind: 'all' } });
    expect(publication.statusRule).toBe('at least 2 independent origins');
    expect(publication.ruleWarnings).toBeNull();
  });
});

describe('entity resolution in the dossier', () => {
  it('lists every spelling an entity covers and the user’s grouping behind it, dated', async () => {
    const { db, investigation } = await smallInvestigation();
    tick();
    await mergeEntities(
      db,
      [implicitEntityId('POLY TECHNOLOGIES'), implicitEntityId('POLY TECHNOLOGY')],
      'Poly Technologies',
    );
    const input = await collectDossierInput(db, investigation, await engineOf(db), EXPORTED_AT);
    const dossier = buildDossier(input, { profile: 'full', selection: { kind: 'all' } });
    expect(dossier.entities).toHaveLength(1);
    const [poly] = dossier.entities;
    expect(poly.name).toBe('Poly Technologies');
    expect(poly.spellings).toEqual([
      'POLY TECHNOLOGIES INC',
      'POLY TECHNOLOGIES INCORPORATED',
      'POLY TECHNOLOGY INC.',
    ]);
    expect(poly.resolution).toEqual([
      expect.stringMatching(
        /^2026-01-01: grouped by the user as “Poly Technologies” \(POLY TECHNOLOGIES; POLY TECHNOLOGY\)$/,
      ),
    ]);
    expect(renderMarkdown(dossier)).toContain(
      'Spellings in the files: POLY TECHNOLOGIES INC; POLY TECHNOLOGIES INCORPORATED; POLY TECHNOLOGY INC.',
    );
  });
});

describe('the excerpts as Web Annotations', () => {
  it('target each PDF by its hash, with the page and the quote’s offsets in its text, the quote and its context', async () => {
    const dossier = await dossierOf({ profile: 'full', selection: { kind: 'all' } });
    const collection = JSON.parse(renderAnnotations(dossier)) as {
      '@context': string;
      total: number;
      first: {
        items: { type: string; created: string; target: { source: string; selector: unknown[] } }[];
      };
    };
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.total).toBe(1);
    expect(collection.first.items[0]).toMatchObject({
      type: 'Annotation',
      target: {
        source: `urn:sha256:${'a'.repeat(64)}`,
        selector: [
          {
            type: 'FragmentSelector',
            value: 'page=1',
            refinedBy: { type: 'TextPositionSelector', start: 17, end: 46 },
          },
          {
            type: 'TextQuoteSelector',
            exact: 'previously designated in 2013',
            prefix: 'The exporter was ',
            suffix: ' for supplying parts.',
          },
        ],
      },
    });
    // When the excerpt was cut, as the dossier states it: not the export's time.
    expect(collection.first.items[0].created).toBe(dossier.excerpts[0].createdAt);
    expect(new Date(dossier.excerpts[0].createdAt).toISOString()).toBe(
      dossier.excerpts[0].createdAt,
    );
  });
});

describe('sources in every export', () => {
  it.each(['full', 'publication'] as const)(
    '%s: a confidential source is a label everywhere; in publication a background one is its attribution',
    async (profile) => {
      const dossier = await dossierOf({ profile, selection: { kind: 'all' } });
      const files = unzipSync(
        packageDossier(dossier, dossierFiles(dossier, null), {
          pdfMissingBecause: 'not printed in this test',
        }),
      );
      expect(Object.keys(files).length).toBe(7);
      for (const [name, bytes] of Object.entries(files)) {
        const text = strFromU8(bytes);
        expect(text, name).not.toMatch(
          new RegExp(`${CONFIDENTIAL.name}|${CONFIDENTIAL.role}`, 'i'),
        );
        if (profile === 'publication') expect(text, name).not.toContain(BACKGROUND.name);
      }
      const json = JSON.stringify(dossier);
      expect(json).toContain('Confidential source A');
      if (profile === 'full') expect(json).toContain(BACKGROUND.name);
      expect(json).toContain(BACKGROUND.attribution);
    },
  );
});

describe('a confidential name however it was typed', () => {
  const NAME = 'Irina Zaslonova';
  // Ten ways the same person reaches a case's text.
  const FORMS = [
    'Irina Zaslonova',
    'Irina\u00A0Zaslonova',
    'Irina\nZaslonova',
    'Irina Zaslonova'.normalize('NFD'),
    'Irina Zaslo\u200Bnova',
    'Irina Zaslo\u00ADnova',
    'Irina \u202EZaslonova\u202C',
    'Irina Zaslоnova', // a Cyrillic о
    'Zaslonova',
    'Ирина Заслонова',
  ];

  it.each(['full', 'publication'] as const)(
    '%s: none of ten forms reaches any file, in a note, a comment, a status reason or a claim',
    async (profile) => {
      const investigation = await createInvestigation('Variants');
      const db = investigationDb(investigation);
      const noteId = await note(
        db,
        {
          title: 'Insider',
          body: FORMS.map((form) => `${form} said so.`).join(' '),
        },
        {
          name: NAME,
          // The surname alone, declared as the note form proposes it.
          aliases: ['Zaslonova'],
          confidentiality: 'confidential',
        },
      );
      const statuses = await db.statuses.toArray();
      for (const [index, form] of FORMS.entries()) {
        const claim = await addClaim(db, { text: `Claim ${index}: per ${form}, the parts moved.` });
        await changeClaimStatus(db, claim.id, statuses[1].id, `Confirmed by ${form}.`);
        await cite(db, claim.id, 'note', noteId, 'supports', `As ${form} told us.`);
      }
      const input = await collectDossierInput(db, investigation, await engineOf(db), EXPORTED_AT);
      const dossier = buildDossier(input, { profile, selection: { kind: 'all' } });
      const files = unzipSync(
        packageDossier(dossier, dossierFiles(dossier, null), {
          pdfMissingBecause: 'not printed in this test',
        }),
      );
      const folded = foldName('Zaslonova');
      for (const [name, bytes] of Object.entries(files)) {
        const text = strFromU8(bytes);
        for (const form of FORMS) expect(text, name).not.toContain(form);
        expect(foldText(text).text, name).not.toContain(folded);
      }
      expect(strFromU8(files['dossier.json'])).toContain('Confidential source A said so.');
    },
  );
});

describe('the confidential-name check', () => {
  async function surnameCase(profile: 'full' | 'publication' = 'full') {
    const investigation = await createInvestigation('Check');
    const db = investigationDb(investigation);
    const noteId = await note(
      db,
      {
        title: 'Insider',
        body: 'Met at noon.',
      },
      {
        name: 'Irina Zaslonova',
        confidentiality: 'confidential',
      },
    );
    const statuses = await db.statuses.toArray();
    const claim = await addClaim(db, { text: 'The parts moved in March.' });
    await changeClaimStatus(db, claim.id, statuses[1].id, 'Zasl\u00ADonova confirmed it.');
    await cite(db, claim.id, 'note', noteId, 'supports');
    const input = await collectDossierInput(db, investigation, await engineOf(db), EXPORTED_AT);
    const built = buildDossierAndRecords(input, { profile, selection: { kind: 'all' } });
    const forms = checkedForms(input.sources, profile, confidentialLabels(input.sources));
    const check = (cleared: ReadonlySet<string> = new Set()) => {
      const files = dossierFiles(built.dossier, null);
      const texts = files.flatMap((file) => exportTexts(file.name, file.bytes));
      return checkNames(dossierTexts(built.dossier, built.records), texts, forms, cleared);
    };
    return { claim, noteId, check };
  }

  it('blocks an undeclared surname, naming the claim and field, until it is cleared', async () => {
    const { claim, check } = await surnameCase();
    const first = check();
    expect(first.blocking).toHaveLength(1);
    const [hit] = first.blocking;
    expect(hit.where).toBe('Claim 1, status reason');
    expect(hit.target).toEqual({ kind: 'claim', id: claim.id });
    expect(hit.form).toMatchObject({ form: 'Zaslonova', declared: false });
    expect(hit.form.label).toBe('Confidential source A');
    expect(first.files).toBe(6);
    const after = check(new Set([hit.key]));
    expect(after.blocking).toEqual([]);
    expect(after.cleared).toHaveLength(1);
  });

  it('records the check in the package manifest', async () => {
    const { check } = await surnameCase();
    const result = check(new Set(check().blocking.map((hit) => hit.key)));
    const dossier = await dossierOf({ profile: 'full', selection: { kind: 'all' } });
    const files = unzipSync(
      packageDossier(dossier, dossierFiles(dossier, null), {
        pdfMissingBecause: 'not printed in this test',
        nameCheck: { hits: 0, files: result.files, clearedByUser: result.cleared.length },
      }),
    );
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as {
      confidentialNameCheck: { summary: string };
    };
    expect(manifest.confidentialNameCheck.summary).toBe(
      '0 hits in 6 files; 1 cleared by the user as not the person',
    );
  });

  it('finds nothing once the redaction has replaced every declared form', async () => {
    const dossier = await dossierOf({ profile: 'publication', selection: { kind: 'all' } });
    const texts = dossierFiles(dossier, null).flatMap((file) => exportTexts(file.name, file.bytes));
    const { db, investigation } = await smallInvestigation();
    const input = await collectDossierInput(db, investigation, await engineOf(db), EXPORTED_AT);
    const built = buildDossierAndRecords(input, {
      profile: 'publication',
      selection: { kind: 'all' },
    });
    const forms = checkedForms(input.sources, 'publication', confidentialLabels(input.sources));
    const result = checkNames(dossierTexts(built.dossier, built.records), texts, forms, new Set());
    // The background source's first name and surname are parts: the check finds none either.
    expect(result.blocking.map((hit) => `${hit.where}: ${hit.form.form}`)).toEqual([]);
  });
});

describe('a note body in the exports', () => {
  const BODY = 'First paragraph, *stressed*.\n\n- one\n- two\n\n> quoted\n\nLast paragraph.';

  async function bodyDossier() {
    const investigation = await createInvestigation('Bodies');
    const db = investigationDb(investigation);
    const noteId = await note(db, { title: 'Call', body: BODY }, { name: 'Ann Onrecord' });
    const claim = await addClaim(db, { text: 'A claim.' });
    await cite(db, claim.id, 'note', noteId, 'supports');
    const input = await collectDossierInput(db, investigation, await engineOf(db), EXPORTED_AT);
    return buildDossier(input, { profile: 'full', selection: { kind: 'all' } });
  }

  it('renders as the app shows it in the HTML, its text escaped', async () => {
    const html = renderHtml(await bodyDossier());
    expect(html).toContain(
      '<blockquote><p><bdi>First paragraph, </bdi><em><bdi>stressed</bdi></em><bdi>.</bdi></p>\n' +
        '<ul><li><p><bdi>one</bdi></p></li><li><p><bdi>two</bdi></p></li></ul>\n' +
        '<blockquote><p><bdi>quoted</bdi></p></blockquote>\n<p><bdi>Last paragraph.</bdi></p></blockquote>',
    );
  });

  it('stays whole inside its quote in the Markdown', async () => {
    const tree = fromMarkdown(renderMarkdown(await bodyDossier()));
    const quotes: Nodes[] = [];
    const walk = (node: Nodes) => {
      if (node.type === 'blockquote') quotes.push(node);
      if ('children' in node) node.children.forEach(walk);
    };
    walk(tree);
    const body = quotes.find((quote) => markdownOf(quote).includes('First paragraph'))!;
    expect(markdownOf(body)).toBe('First paragraph, stressed.onetwoquotedLast paragraph.');
    expect(body.type === 'blockquote' && body.children.map((child) => child.type)).toEqual([
      'paragraph',
      'list',
      'blockquote',
      'paragraph',
    ]);
  });
});

describe('forms of a name the user declared', () => {
  it('are redacted like the name: a nickname, however typed', async () => {
    const investigation = await createInvestigation('Declared');
    const db = investigationDb(investigation);
    const noteId = await note(
      db,
      {
        title: 'Insider',
        body: 'Met THE\u00A0OWL at noon.',
      },
      {
        name: 'Irina Zaslonova',
        aliases: ['the Owl', '  ', 'Irina Zaslonova'],
        confidentiality: 'confidential',
      },
    );
    expect((await db.sources.toArray())[0].aliases).toEqual(['the Owl']);
    const claim = await addClaim(db, { text: 'According to the Owl, the parts moved.' });
    await cite(db, claim.id, 'note', noteId, 'supports', 'The\nOwl again.');
    const input = await collectDossierInput(db, investigation, await engineOf(db), EXPORTED_AT);
    const dossier = buildDossier(input, { profile: 'full', selection: { kind: 'all' } });
    const json = JSON.stringify(dossier);
    expect(foldText(json).text).not.toContain('owl');
    expect(dossier.notes[0].body).toBe('Met Confidential source A at noon.');
  });
});

describe('a confidential name inside cited evidence', () => {
  it('becomes an explicit [redacted: …] span, listed, in a raw cell and in a quote', async () => {
    const { db, investigation } = await smallInvestigation();
    // Names that the cited rows and the excerpt hold: a company owner and a designated person.
    await note(
      db,
      {
        title: 'Owner',
      },
      {
        name: 'Poly Technology',
        confidentiality: 'confidential',
      },
    );
    await note(
      db,
      {
        title: 'Listed',
      },
      {
        name: 'Previously Designated',
        confidentiality: 'confidential',
      },
    );
    const input = await collectDossierInput(db, investigation, await engineOf(db), EXPORTED_AT);
    const dossier = buildDossier(input, { profile: 'full', selection: { kind: 'all' } });
    const row = dossier.shipments.find((shipment) => shipment.shipper.includes('INC.'))!;
    expect(row.shipper).toBe('[redacted: Confidential source B] INC.');
    expect(row.raw.map((cell) => cell.value)).toContain('[redacted: Confidential source B] INC.');
    expect(dossier.excerpts[0].quote).toBe('[redacted: Confidential source C] in 2013');
    expect(dossier.redactions).toEqual(
      expect.arrayContaining([
        { evidence: row.id, field: 'shipper', replacedBy: '[redacted: Confidential source B]' },
        {
          evidence: dossier.excerpts[0].id,
          field: 'quote',
          replacedBy: '[redacted: Confidential source C]',
        },
      ]),
    );
    expect(dossier.redactions.some((entry) => entry.field.startsWith('raw cell'))).toBe(true);
    expect(renderHtml(dossier)).toContain('Appendix: redacted in cited evidence');
    // Outside evidence, the label alone.
    expect(JSON.stringify(dossier.sections)).not.toContain('[redacted:');
  });
});

describe('imported text in exports', () => {
  async function hostileDossier(profile: 'full' | 'publication') {
    const investigation = await createInvestigation('Hostile');
    const db = investigationDb(investigation);
    await importFixture(db, fixture('bad', 'hostile-content.csv'));
    await saveFilter(db, 'Everything', emptyShipmentFilter);
    const filterId = (await db.savedFilters.toArray())[0].id;
    const claim = await addClaim(db, { text: '<b onmouseover="alert(1)">=1+1</b>' });
    const statuses = await db.statuses.toArray();
    await changeClaimStatus(db, claim.id, statuses.find((s) => s.name === 'Verified')!.id, 'ok');
    await cite(db, claim.id, 'savedFilter', filterId, 'supports', '=HYPERLINK("x")');
    const input = await collectDossierInput(db, investigation, await engineOf(db), EXPORTED_AT);
    return buildDossier(input, { profile, selection: { kind: 'all' } });
  }

  it.each(['full', 'publication'] as const)(
    '%s: HTML has only the dossier’s own elements',
    async (profile) => {
      const dossier = await hostileDossier(profile);
      expect(dossier.shipments).toHaveLength(17);
      const html = renderHtml(dossier);
      const tags = new Set(
        [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((match) => match[1].toLowerCase()),
      );
      const allowed = DOSSIER_ELEMENTS;
      for (const tag of tags) expect(allowed).toContain(tag);
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<img src=x');
      expect(html).toContain(
        '&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;',
      );
    },
  );

  it('shows a bidi override as text and isolates every string of the data in HTML', async () => {
    const dossier = await hostileDossier('full');
    expect(JSON.stringify(dossier)).toContain('\u202E');
    const html = renderHtml(dossier);
    const markdown = renderMarkdown(dossier);
    for (const text of [html, markdown]) {
      expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/u);
      expect(text).toMatch(/\\?\[U\\?\+202E\\?\]/);
    }
    expect(html).toContain('<h3>Claim <bdi>1</bdi>. <bdi>&lt;b onmouseover=');
  });

  it.each(['full', 'publication'] as const)(
    '%s: CSV cells are neutralised and Markdown escaped',
    async (profile) => {
      const dossier = await hostileDossier(profile);
      const files = unzipSync(
        packageDossier(dossier, dossierFiles(dossier, null), {
          pdfMissingBecause: 'not printed in this test',
        }),
      );
      const csv = strFromU8(files['cited-shipments.csv']);
      const cells = [...csv.matchAll(/"((?:[^"]|"")*)"/g)].map((match) =>
        match[1].replace(/""/g, '"'),
      );
      expect(cells.length).toBeGreaterThan(17 * 19);
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
      expect(cells).toContain(`'=HYPERLINK("http://example.invalid/x","click me")`);
      const markdown = renderMarkdown(dossier);
      expect(markdown).not.toMatch(/(^|[^\\])</);
      for (const type of markdownNodeTypes(markdown)) expect(TEMPLATE_NODES).toContain(type);
      // Read back, the data is there as text, character for character.
      expect(markdownText(markdown)).toContain('<script>alert("xss")</script>');
      expect(markdownText(markdown)).toContain('javascript:alert(document.domain)');
    },
  );
});

describe('stored values an archive could forge', () => {
  it('reach the HTML and Markdown only as text, numbers and relations included', async () => {
    const investigation = await createInvestigation('Forged');
    const db = investigationDb(investigation);
    const claim = await addClaim(db, { text: 'A claim.' });
    const page = '<meta http-equiv="refresh" content="0;url=https://example.invalid/">';
    const relation = '"><img src=x onerror=alert(1)>[x](javascript:alert(1))';
    await db.documents.add(documentRecord('doc', 'Forged'));
    // As a forged archive's rows would arrive: the wrong types, markup where numbers belong.
    await db.excerpts.add({
      ...(await addExcerpt(db, (await db.documents.get('doc'))!, {
        page: 1,
        pageText: 'forged text',
        span: { start: 0, end: 6 },
        rects: [],
      })),
      id: 'forged-excerpt',
      page: page as unknown as number,
    });
    await db.links.add({
      id: 'forged-link',
      claimId: claim.id,
      targetType: 'excerpt',
      targetId: 'forged-excerpt',
      relation: relation as unknown as 'supports',
      comment: '',
      createdAt: 0,
    });
    const input = await collectDossierInput(db, investigation, await engineOf(db), EXPORTED_AT);
    const dossier = buildDossier(input, { profile: 'full', selection: { kind: 'all' } });
    const html = renderHtml(dossier);
    expect(html).not.toMatch(/http-equiv="refresh"|<img/);
    // The template’s own meta elements only: character set, referrer policy, content security policy.
    for (const meta of html.match(/<meta\b[^>]*>/g) ?? [])
      expect(meta).toMatch(
        /^<meta (charset="utf-8"|name="referrer"|http-equiv="Content-Security-Policy")/,
      );
    expect(html).toContain('&lt;meta http-equiv=&quot;refresh&quot;');
    const markdown = renderMarkdown(dossier);
    expect(markdown).not.toMatch(/\]\(javascript:/);
    expect(markdown).not.toMatch(/(^|[^\\])</);
    for (const type of markdownNodeTypes(markdown)) expect(TEMPLATE_NODES).toContain(type);
    expect(markdownText(markdown)).toContain(relation);
  });
});

describe('a cited row’s matches in other datasets', () => {
  it('come with it, grouped by shipment, with what the summary’s figures are computed from', async () => {
    const { db, investigation } = await matchedCase();
    const input = await collectDossierInput(db, investigation, await engineOf(db), EXPORTED_AT);
    const dossier = buildDossier(input, { profile: 'full', selection: { kind: 'all' } });
    const [cited1, cited2, ...rest] = dossier.shipments;
    expect([cited1.cited, cited2.cited]).toEqual([true, true]);
    expect(rest.length).toBeGreaterThanOrEqual(2);
    for (const row of rest) {
      expect(row.cited).toBe(false);
      expect(row.vendor).toBe('Y');
      expect([cited1.shipment, cited2.shipment]).toContain(row.shipment);
      const mate = row.shipment === cited1.shipment ? cited1 : cited2;
      expect([row.date, row.shipperParty, row.consigneeParty]).toEqual([
        mate.date,
        mate.shipperParty,
        mate.consigneeParty,
      ]);
    }
    const { summary } = dossier.sections[0].claims[0];
    expect(summary).toMatchObject({
      distinctShipments: 2,
      sourceRows: 2,
      reportedBy: [{ datasets: 2, shipments: 2 }],
      origins: ['RU', 'CN'].sort(),
    });
    expect(summary.derivation).toHaveLength(2);
    expect(summary.derivation).toEqual(
      expect.arrayContaining([
        { representative: cited1.id, rows: [cited1.id] },
        { representative: cited2.id, rows: [cited2.id] },
      ]),
    );
    expect(renderHtml(dossier)).toContain(`${rest[0].id}</span> (match)`);
    expect(renderEvidenceCsv(dossier)).toContain('no (a match of a cited row)');
  });
});
