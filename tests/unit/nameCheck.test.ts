import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { emptySource, type Source } from '../../shared/notes/source';
import { decodeReferences, exportTexts } from '../../shared/redaction/exportText';
import { checkedForms, checkNames, findNameHits } from '../../shared/redaction/nameCheck';

const source = (fields: Partial<Source>): Source => ({
  ...emptySource(),
  id: fields.id ?? 'note-1',
  createdAt: 1,
  updatedAt: 1,
  confidentiality: 'confidential',
  ...fields,
});

const labels = new Map([
  ['note-1', 'Confidential source A'],
  ['note-2', 'Confidential source B'],
]);

describe('the forms the check looks for', () => {
  it('are the declared ones and, undeclared, each part of the name (not of an alias)', () => {
    const forms = checkedForms(
      [source({ name: 'Irina Zaslonova', aliases: ['the Owl'], affiliation: 'plant clerk' })],
      'full',
      labels,
    );
    expect(forms.map((form) => [form.form, form.declared])).toEqual([
      ['Irina Zaslonova', true],
      ['the Owl', true],
      ['plant clerk', true],
      ['Irina', false],
      ['Zaslonova', false],
    ]);
  });

  it('count a declared part once, as declared, and leave out particles', () => {
    expect(
      checkedForms([source({ name: 'Pieter van der Berg' })], 'full', labels).map(
        (form) => form.form,
      ),
    ).toEqual(['Pieter van der Berg', 'Pieter', 'Berg']);
    const forms = checkedForms(
      [source({ name: 'Irina Zaslonova', aliases: ['Zaslonova'] })],
      'full',
      labels,
    );
    expect(forms.filter((form) => form.folded === 'zaslonova')).toEqual([
      expect.objectContaining({ declared: true }),
    ]);
  });

  it('leave a Chinese name whole, and background sources to the publication profile', () => {
    const notes = [
      source({ name: '王小明' }),
      source({
        id: 'note-2',
        name: 'Jane Officialson',
        confidentiality: 'background',
        attribution: 'a Western official',
      }),
    ];
    expect(checkedForms(notes, 'full', labels).map((form) => form.form)).toEqual(['王小明']);
    expect(checkedForms(notes, 'publication', labels).map((form) => form.form)).toEqual([
      '王小明',
      'Jane Officialson',
      'Jane',
      'Officialson',
    ]);
  });
});

describe('an exported file read as its reader gets it', () => {
  const forms = checkedForms([source({ name: 'Irina Zaslonova' })], 'full', labels);
  const hitsIn = (name: string, content: string | Uint8Array) =>
    findNameHits(
      exportTexts(name, content).map((text) => ({ where: text.file, text: text.text })),
      forms,
    ).map((hit) => `${hit.where}: ${hit.form.form}`);

  it.each([
    ['HTML references', 'a.html', '<p>Zaslo&shy;nova &amp; <b>Iri</b>na</p><p>Zaslo&#x6E;ova</p>'],
    ['an inline tag inside a name', 'a.html', '<p><em>Zasl</em><bdi>onova</bdi></p>'],
    ['Markdown escapes', 'a.md', 'Zaslo\\nova said \\*Zaslonova\\*'],
    ['Markdown emphasis inside a name', 'a.md', 'It was Zaslo*nova*, or `Zasl`onova.'],
    ['JSON escapes', 'a.json', '{"who": "Zaslo\\u006eova"}'],
    ['CSV quoting', 'a.csv', 'who,said\n"Zaslonova, ""the clerk""",yes\n'],
    ['a word split at a line break', 'a.txt', 'It was Zaslo-\nnova who said so.'],
  ])('%s', (_kind, name, content) => {
    expect(hitsIn(name, content)).toContain(`${name}: Zaslonova`);
  });

  it('a block tag between two words keeps them apart', () => {
    expect(hitsIn('a.html', '<td>Zaslo</td><td>nova</td><p>Zasl</p>onova')).toEqual([]);
  });

  it('every file of a zip, by its own format', () => {
    const zip = zipSync({
      'inner.html': strToU8('<p>Zaslo&shy;nova</p>'),
      'x.pdf': strToU8('%PDF'),
    });
    expect(hitsIn('package.zip', zip)).toEqual(['package.zip › inner.html: Zaslonova']);
  });

  it('decodes named, decimal and hexadecimal references, and leaves others as written', () => {
    expect(decodeReferences('&eacute;&#233;&#xE9;&nbsp;&madeup; &#0;')).toBe(
      'ééé\u00A0&madeup; \uFFFD',
    );
  });
});

describe('the check', () => {
  const forms = checkedForms([source({ name: 'Irina Zaslonova' })], 'full', labels);

  it('blocks a declared form everywhere and a part until cleared; a file adds what strings miss', () => {
    const located = [{ where: 'Claim 1, text', text: 'Zaslonova said so.' }];
    const files = [{ file: 'dossier.md', text: 'Zaslonova said so.\nIrina Zaslonova, by name.' }];
    const first = checkNames(located, files, forms, new Set());
    expect(first.blocking.map((hit) => `${hit.where}: ${hit.form.form}`)).toEqual([
      'Claim 1, text: Zaslonova',
      'dossier.md: Irina Zaslonova',
    ]);
    const cleared = new Set(first.blocking.map((hit) => hit.key));
    const second = checkNames(located, files, forms, cleared);
    expect(second.blocking.map((hit) => `${hit.where}: ${hit.form.form}`)).toEqual([
      'dossier.md: Irina Zaslonova',
    ]);
    expect(second.cleared).toHaveLength(1);
  });

  it('asks again once the words around a cleared part change', () => {
    const before = checkNames(
      [{ where: 'Claim 1, text', text: 'Zaslonova said so.' }],
      [],
      forms,
      new Set(),
    );
    const changed = checkNames(
      [{ where: 'Claim 1, text', text: 'Zaslonova said something else.' }],
      [],
      forms,
      new Set(before.blocking.map((hit) => hit.key)),
    );
    expect(changed.blocking).toHaveLength(1);
  });
});
