import { describe, expect, it } from 'vitest';
import { parseNoteBody } from '../../shared/notes/markdownSubset';
import { matchesNoteFilter, noteProblem, type SourceNote } from '../../shared/notes/sourceNote';

describe('note bodies', () => {
  it('keep emphasis, lists, quotes and code', () => {
    expect(
      parseNoteBody('Said *twice*, **firmly**:\n\n- one\n- two\n\n> quoted\n\n`code`'),
    ).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Said ' },
          { type: 'emphasis', children: [{ type: 'text', text: 'twice' }] },
          { type: 'text', text: ', ' },
          { type: 'strong', children: [{ type: 'text', text: 'firmly' }] },
          { type: 'text', text: ':' },
        ],
      },
      {
        type: 'list',
        ordered: false,
        items: [
          [{ type: 'paragraph', children: [{ type: 'text', text: 'one' }] }],
          [{ type: 'paragraph', children: [{ type: 'text', text: 'two' }] }],
        ],
      },
      {
        type: 'quote',
        children: [{ type: 'paragraph', children: [{ type: 'text', text: 'quoted' }] }],
      },
      { type: 'paragraph', children: [{ type: 'code', text: 'code' }] },
    ]);
  });

  it('turn raw HTML, images and links into plain text', () => {
    const flat = JSON.stringify(
      parseNoteBody(
        '<img src=x onerror="alert(1)">\n\n[site](https://example.com) ![logo](https://example.com/a.png)',
      ),
    );
    expect(flat).toContain('<img src=x onerror=\\"alert(1)\\">');
    expect(flat).toContain('site (https://example.com)');
    expect(flat).not.toContain('"type":"link"');
    expect(flat).not.toContain('"type":"image"');
  });
});

const note = (changes: Partial<SourceNote>): SourceNote => ({
  id: 'n',
  kind: 'interview',
  title: 'Interview',
  body: '',
  sourceName: 'A. Expert',
  aliases: [],
  sourceRole: '',
  date: '',
  confidentiality: 'on-record',
  attribution: '',
  request: null,
  createdAt: 0,
  updatedAt: 0,
  ...changes,
});

describe('source notes', () => {
  it('need a title, an attribution when on background, and an addressee and answer for requests', () => {
    expect(noteProblem(note({}))).toBeNull();
    expect(noteProblem(note({ title: ' ' }))).toMatch(/title/);
    expect(noteProblem(note({ confidentiality: 'background' }))).toMatch(/attribution/);
    expect(
      noteProblem(
        note({
          kind: 'request-for-comment',
          request: { to: '', sentOn: '', deadline: '', outcome: 'pending', answer: '' },
        }),
      ),
    ).toMatch(/whom/);
    expect(
      noteProblem(
        note({
          kind: 'request-for-comment',
          request: {
            to: 'Press office',
            sentOn: '',
            deadline: '',
            outcome: 'answered',
            answer: '',
          },
        }),
      ),
    ).toMatch(/answer/);
  });

  it('filter by kind, outcome and confidentiality', () => {
    const request = note({
      kind: 'request-for-comment',
      confidentiality: 'on-record',
      request: { to: 'X', sentOn: '', deadline: '', outcome: 'no-response', answer: '' },
    });
    expect(
      matchesNoteFilter(request, {
        kind: 'request-for-comment',
        outcome: 'no-response',
        confidentiality: '',
      }),
    ).toBe(true);
    expect(matchesNoteFilter(request, { kind: '', outcome: 'denied', confidentiality: '' })).toBe(
      false,
    );
    expect(
      matchesNoteFilter(note({ confidentiality: 'confidential' }), {
        kind: '',
        outcome: '',
        confidentiality: 'on-record',
      }),
    ).toBe(false);
  });
});
