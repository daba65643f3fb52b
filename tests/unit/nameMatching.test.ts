import { describe, expect, it } from 'vitest';
import {
  findNames,
  foldName,
  foldText,
  proposedVariants,
  replaceNames,
} from '../../shared/text/nameMatching';
import { hasInvisibles, showBidiControls, showInvisibles } from '../../shared/text/bidi';

const LABEL = '[Confidential source A]';
const names = new Map(
  ['Irina Zaslonova', 'Zaslonova', 'Ирина Заслонова'].map((name) => [foldName(name), LABEL]),
);
const redact = (text: string) => replaceNames(text, names);

describe('a confidential name is found however it was typed', () => {
  it.each([
    ['as typed', 'Irina Zaslonova said so.'],
    ['in another case', 'IRINA ZASLONOVA said so.'],
    ['with a no-break space', 'Irina\u00A0Zaslonova said so.'],
    ['with a narrow no-break space', 'Irina\u202FZaslonova said so.'],
    ['with two spaces', 'Irina  Zaslonova said so.'],
    ['with a line break inside', 'Irina\r\nZaslonova said so.'],
    ['decomposed (NFD)', 'Irina Zaslonova said so.'.normalize('NFD')],
    ['with a zero-width space inside', 'Irina Zaslo\u200Bnova said so.'],
    ['with a soft hyphen inside', 'Irina Zaslo\u00ADnova said so.'],
    ['with a bidi override inside', 'Irina Zas\u202Elonova\u202C said so.'],
    ['with a Cyrillic look-alike letter', 'Irina Zaslоnova said so.'],
    ['in full-width letters', 'Ｉｒｉｎａ Ｚａｓｌｏｎｏｖａ said so.'],
    ['as the surname alone', 'Zaslonova said so.'],
    ['in Cyrillic', 'Ирина Заслонова said so.'],
    ['in Cyrillic with a Latin look-alike letter', 'Ирина Зaслонова said so.'],
  ])('%s', (_how, text) => {
    expect(redact(text)).toBe(`${LABEL} said so.`);
  });

  it('with accents the name does not have, and a non-breaking hyphen in a double name', () => {
    const double = new Map([[foldName('Jean-Luc Séverin'), LABEL]]);
    expect(replaceNames('Then Jean\u2011Luc Severin called.', double)).toBe(
      `Then ${LABEL} called.`,
    );
    expect(replaceNames('Then JEAN–LUC SÉVERIN called.', double)).toBe(`Then ${LABEL} called.`);
  });

  it('changes nothing else of the text: its own spacing, accents and punctuation stay', () => {
    const text = '«Café»\u00A0—  Irina\nZaslonova, née Petrova;\tZaslonova.';
    expect(redact(text)).toBe(`«Café»\u00A0—  ${LABEL}, née Petrova;\t${LABEL}.`);
  });

  it('only as whole words, never inside another word', () => {
    expect(redact('The Zaslonovas and Zaslonovaya street')).toBe(
      'The Zaslonovas and Zaslonovaya street',
    );
    expect(redact('(Zaslonova)')).toBe(`(${LABEL})`);
  });

  it('in Chinese text, written without spaces', () => {
    const chinese = new Map([[foldName('王小明'), LABEL]]);
    expect(replaceNames('据王小明说', chinese)).toBe(`据${LABEL}说`);
  });
});

describe('folding', () => {
  it('keeps, for each folded character, the span of the original it came from', () => {
    const original = 'A\u00A0\u00A0é\u200Bß';
    const folded = foldText(original);
    expect(folded.text).toBe('a ess');
    // `a`, the two spaces as one, `é` (one code unit), nothing for the zero-width space, `ß` as two.
    expect(folded.starts).toEqual([0, 1, 3, 5, 5]);
    expect(folded.ends).toEqual([1, 3, 4, 6, 6]);
  });

  it('treats each class of character as the module says', () => {
    expect(foldName('“Quoted” ‘name’')).toBe('"quoted" \'name\'');
    expect(foldName('a\u2010b\u2013c\u2014d\u2212e')).toBe('a-b-c-d-e');
    expect(foldName('x\u200Dy\u2060z\uFEFFw\u2066v\u2069')).toBe('xyzwv');
    expect(foldName('Łódź Ångström')).toBe('łodz angstrom');
    expect(foldName('Жуков Щукин')).toBe('zhukov shchukin');
    expect(foldName('ﬁle Ⅻ')).toBe('file xii');
    expect(foldName('  padded  ')).toBe('padded');
  });

  it('finds spans in the original text, longest name first, never overlapping', () => {
    const spans = findNames('Irina Zaslonova; Zaslonova', [
      foldName('Zaslonova'),
      foldName('Irina Zaslonova'),
    ]);
    expect(spans.map(({ start, end }) => [start, end])).toEqual([
      [0, 15],
      [17, 26],
    ]);
  });
});

describe('variant proposals', () => {
  it('propose each name part and, for Cyrillic, the Latin spelling', () => {
    expect(proposedVariants('Irina Zaslonova')).toEqual(['Irina', 'Zaslonova']);
    expect(proposedVariants('Ирина Жукова')).toEqual(['Ирина', 'Жукова', 'Irina Zhukova']);
    expect(proposedVariants('Jean-Luc  Séverin')).toEqual(['Jean', 'Luc', 'Séverin']);
    expect(proposedVariants('Zaslonova')).toEqual([]);
    expect(proposedVariants('Li Wei')).toEqual([]);
  });
});

describe('characters that show nothing', () => {
  it('are written out where a name is checked; the dossier writes out only bidi controls', () => {
    const pasted = 'Irina\u00A0Zaslo\u200Bnova\u00AD \u202Eavon\u202C\uFEFF';
    expect(hasInvisibles(pasted)).toBe(true);
    expect(showInvisibles(pasted)).toBe(
      'Irina\u00A0Zaslo[U+200B]nova[U+00AD] [U+202E]avon[U+202C][U+FEFF]',
    );
    expect(showBidiControls(pasted)).toBe(
      'Irina\u00A0Zaslo\u200Bnova\u00AD [U+202E]avon[U+202C]\uFEFF',
    );
    expect(hasInvisibles('Ирина Заслонова')).toBe(false);
  });
});
