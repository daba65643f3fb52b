import { describe, expect, it } from 'vitest';
import type { PageTextItem } from '../../shared/documents/ocr';
import { itemsText } from '../../shared/documents/ocr';
import { restoreSoftHyphens } from '../../shared/documents/softHyphens';

const item = (str: string, hasEOL = false): PageTextItem => ({
  str,
  dir: 'ltr',
  width: str.length * 6,
  height: 11,
  transform: [11, 0, 0, 11, 56, 700],
  fontName: 'f',
  hasEOL,
});

// As pdf.js gives a line that ends with a soft hyphen: the word, then an empty item ending it.
const items = [
  item('The plant goes on export'),
  item('', true),
  item('ing parts of its state-', true),
  item('owned partner.', true),
];

describe('soft hyphens pdf.js left out', () => {
  it('are put back where the page draws one at a line end', () => {
    const drawn = 'The plant goes on export\u00ADing parts of its state-owned partner.';
    expect(itemsText(restoreSoftHyphens(items, drawn))).toBe(
      'The plant goes on export\u00AD\ning parts of its state-\nowned partner.\n',
    );
  });

  it('leave the items as they are where the page draws none, or the texts disagree', () => {
    expect(
      restoreSoftHyphens(items, 'The plant goes on exporting parts of its state-owned partner.'),
    ).toBe(items);
    // Text drawn otherwise than pdf.js gives it (here a ligature glyph): they cannot be followed together.
    const ligature = 'The plant goes on export\u00ADing parts of its state-owned partner.'.replace(
      'pl',
      'ﬂ',
    );
    expect(restoreSoftHyphens(items, ligature)).toBe(items);
  });

  it('put none back inside a line, or where the next line begins a sentence', () => {
    const lines = [item('A soft hyphen inside a line', true), item('Next line.', true)];
    expect(restoreSoftHyphens(lines, 'A soft hy\u00ADphen inside a line\u00ADNext line.')).toBe(
      lines,
    );
  });
});
