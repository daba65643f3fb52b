import { describe, expect, it } from 'vitest';
import { readingQuote, readsAs } from '../../shared/documents/readingQuote';

describe('an excerpt’s quote as it reads', () => {
  it('turns line breaks and runs of spaces into single spaces', () => {
    expect(readingQuote('  The designation\nof 2013   stands.\n', '')).toBe(
      'The designation of 2013 stands.',
    );
  });

  it('joins a word at a soft hyphen, and drops soft hyphens elsewhere', () => {
    expect(readingQuote('the Verkehrs\u00AD\nminister', '')).toBe('the Verkehrsminister');
    expect(readingQuote('Verkehrs\u00ADminister', '')).toBe('Verkehrsminister');
  });

  it('keeps a hyphen at a line break when the document gives no evidence either way', () => {
    expect(readingQuote('a state-\nowned firm', 'nothing else here')).toBe('a state-owned firm');
    expect(readingQuote('АО «Улан-\nУдэнский завод»', 'АО «Улан-\nУдэнский завод»')).toBe(
      'АО «Улан-Удэнский завод»',
    );
  });

  it('joins it when the joined word occurs elsewhere and the hyphenated form does not', () => {
    const document = 'The designa-\ntion of 2013 stands. A second Designation followed.';
    expect(readingQuote('The designa-\ntion of 2013', document)).toBe('The designation of 2013');
  });

  it('keeps it when the document also writes the word with a hyphen, on one line', () => {
    const document = 'Its state-\nowned parent. Other state-owned firms. A stateowned typo.';
    expect(readingQuote('Its state-\nowned parent', document)).toBe('Its state-owned parent');
  });

  it('follows each document’s own evidence: two documents that disagree', () => {
    const joins = 'Co-\noperation was agreed. Cooperation continued in 2022.';
    const keeps = 'Co-\noperation was agreed. Co-operation continued in 2022.';
    expect(readingQuote('Co-\noperation was agreed.', joins)).toBe('Cooperation was agreed.');
    expect(readingQuote('Co-\noperation was agreed.', keeps)).toBe('Co-operation was agreed.');
  });

  it('reads Cyrillic words by the same evidence, ignoring case', () => {
    const document = 'Улан-\nУдэнский завод. Компания УЛАН-УДЭНСКИЙ авиационный.';
    expect(readingQuote('Улан-\nУдэнский завод', document)).toBe('Улан-Удэнский завод');
    expect(readingQuote('авиацион-\nный', 'Авиационный завод')).toBe('авиационный');
  });

  it('does not take a word inside a longer one as evidence', () => {
    expect(readingQuote('pre-\nset', 'the presets were lost')).toBe('pre-set');
  });

  it('joins Chinese across a line break without a space, and keeps spaces elsewhere', () => {
    expect(readingQuote('保利科技\n有限公司 (Poly\nTechnologies)', '')).toBe(
      '保利科技有限公司 (Poly Technologies)',
    );
  });

  it('leaves a hyphen that is not at a line break as it is', () => {
    expect(readingQuote('Ulan-Ude - Moscow', 'UlanUde')).toBe('Ulan-Ude - Moscow');
  });
});

describe('checking a reading against the text as extracted', () => {
  const exact = 'The designa-\ntion of a state-\nowned\n  firm’s soft\u00AD\nware';
  it('accepts every reading the evidence could give', () => {
    for (const reading of [
      'The designa-tion of a state-owned firm’s software',
      'The designation of a stateowned firm’s software',
      'The designation of a state-owned firm’s software',
      readingQuote(exact, 'designation'),
    ])
      expect(readsAs(exact, reading), reading).toBe(true);
  });

  it('refuses one that changed a word, the spacing or a hyphen not at a line end', () => {
    for (const reading of [
      'The designation of a state-owned farm’s software',
      'The designation of a state-owned  firm’s software',
      'The designation of a state owned firm’s software',
      'The designation of a state-owned firm’s software.',
    ])
      expect(readsAs(exact, reading), reading).toBe(false);
    expect(readsAs('Ulan-Ude', 'UlanUde')).toBe(false);
  });
});
