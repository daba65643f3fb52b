import { describe, expect, it } from 'vitest';
import { parseNoteBody } from '../../shared/notes/markdownSubset';
import {
  matchesNoteFilter,
  noteProblem,
  requestState,
  type SourceNote,
} from '../../shared/notes/sourceNote';
import { cleanSource, emptySource, sourceProblem, type Source } from '../../shared/notes/source';

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
  sourceId: 's',
  date: '',
  request: null,
  createdAt: 0,
  updatedAt: 0,
  ...changes,
});

const source = (changes: Partial<Source>): Source => ({
  ...emptySource(),
  id: 's',
  name: 'A. Expert',
  createdAt: 0,
  updatedAt: 0,
  ...changes,
});

describe('source notes', () => {
  it('need a title, and an addressee and answer for requests', () => {
    expect(noteProblem(note({}))).toBeNull();
    expect(noteProblem(note({ title: ' ' }))).toMatch(/title/);
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

  it('filter by kind, outcome and their source’s confidentiality (on record without one)', () => {
    const request = note({
      kind: 'request-for-comment',
      request: { to: 'X', sentOn: '', deadline: '', outcome: 'no-response', answer: '' },
    });
    expect(
      matchesNoteFilter(request, source({}), {
        kind: 'request-for-comment',
        outcome: 'no-response',
        confidentiality: '',
      }),
    ).toBe(true);
    expect(
      matchesNoteFilter(request, source({}), { kind: '', outcome: 'denied', confidentiality: '' }),
    ).toBe(false);
    const onRecord = { kind: '', outcome: '', confidentiality: 'on-record' } as const;
    expect(matchesNoteFilter(note({}), source({ confidentiality: 'confidential' }), onRecord)).toBe(
      false,
    );
    expect(matchesNoteFilter(note({ sourceId: null }), undefined, onRecord)).toBe(true);
  });
});

describe('sources', () => {
  it('need a name, an attribution when on background, and a name no other source has', () => {
    expect(sourceProblem(emptySource(), [])).toMatch(/name/);
    expect(sourceProblem({ ...emptySource(), name: 'A. Expert' }, [])).toBeNull();
    expect(
      sourceProblem({ ...emptySource(), name: 'A. Expert', confidentiality: 'background' }, []),
    ).toMatch(/attribution/);
    // However the other is typed.
    expect(
      sourceProblem({ ...emptySource(), name: 'a.\u00a0EXPERT' }, [source({ id: 'other' })]),
    ).toMatch(/already/);
  });

  it('keep each declared form once, never the name itself, and an attribution only on background', () => {
    expect(
      cleanSource({
        ...emptySource(),
        name: ' Irina Zaslonova ',
        aliases: ['Zaslonova', ' zaslonova', 'IRINA ZASLONOVA', '', 'I.  Z.'],
        attribution: 'a clerk',
      }),
    ).toEqual({
      ...emptySource(),
      name: 'Irina Zaslonova',
      aliases: ['Zaslonova', 'I. Z.'],
    });
  });
});

describe('where a request for comment stands', () => {
  const request = {
    to: 'Press office',
    sentOn: '2022-12-01',
    deadline: '2022-12-08',
    outcome: 'pending' as const,
    answer: '',
  };
  it('is overdue only while awaited after its deadline', () => {
    expect(requestState(request, '2022-12-08')).toBe('pending');
    expect(requestState(request, '2022-12-09')).toBe('overdue');
    expect(requestState({ ...request, deadline: '' }, '2030-01-01')).toBe('pending');
    expect(requestState({ ...request, outcome: 'declined' }, '2030-01-01')).toBe('declined');
  });
});
