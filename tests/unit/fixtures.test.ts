import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { customsFixtureFiles } from '../../scripts/fixtures/customsFixtures';
import { fixture, ownFixtures, teamFixtures } from '../fixtureSets';

/** Every file under a folder, as paths relative to it. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Each page's text as pdf.js extracts it, line ends kept. */
async function pageTexts(file: string, password?: string): Promise<string[]> {
  const document = await getDocument({
    data: new Uint8Array(readFileSync(file)),
    password,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join(''),
    );
  }
  await document.destroy();
  return pages;
}

describe('the project’s own fixtures', () => {
  it('are the files npm run fixtures writes (customs and bad files, byte for byte)', () => {
    // Compared as buffers: a deep equality walks a megabyte byte by byte, for seconds.
    for (const [name, bytes] of Object.entries(customsFixtureFiles()))
      expect(Buffer.compare(readFileSync(fixture(name)), bytes), name).toBe(0);
  });

  it.skipIf(!teamFixtures.available)(
    'share no file with the team’s fixtures (no SHA-256 in common)',
    () => {
      const team = new Map(
        filesUnder(teamFixtures.root).map((name) => [sha256(teamFixtures.path(name)), name]),
      );
      // An empty file is the one file two sets cannot help sharing.
      const shared = filesUnder(ownFixtures.root)
        .filter((name) => readFileSync(fixture(name)).length > 0)
        .filter((name) => team.has(sha256(fixture(name))))
        .map((name) => `${name} = ${team.get(sha256(fixture(name)))}`);
      expect(shared).toEqual([]);
    },
  );

  it('the notice: three pages, the Chinese name on page 1, a name hyphenated across a line on page 2, ZEBRA-7731 on page 3', async () => {
    const pages = await pageTexts(fixture('pdf', 'designation-notice.pdf'));
    expect(pages).toHaveLength(3);
    expect(pages[0].split('\n')[0]).toMatch(/^SYNTHETIC TEST DOCUMENT/);
    expect(pages[0]).toContain('保利科技有限公司');
    expect(pages[0]).toContain('previously designated in 2013');
    expect(pages.join('').match(/missile proliferation/g)).toHaveLength(1);
    expect(pages[1]).toMatch(/Улан-\nУдэнский/);
    expect(pages[1]).toContain('Mi-171E');
    expect(pages.findIndex((text) => text.includes('ZEBRA-7731'))).toBe(2);
  });

  it('the amendment: sentences over line ends, “designation” whole on page 2 alone', async () => {
    const pages = await pageTexts(fixture('pdf', 'amended-notice.pdf'));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('described as state-\nowned, keeps its designa-\ntion until');
    expect(pages[0]).toContain('до окончания\nпроверки.');
    expect(pages[0]).toContain('保利科技有限公司的\n指定维持不变。');
    expect(pages.join('\n')).not.toMatch(/state-owned|stateowned/i);
    expect(pages[1]).toContain('The designation of 2022');
  });

  it('the long report: 300 pages, QUASAR-4412 on page 250 alone', async () => {
    const pages = await pageTexts(fixture('pdf', 'long-report-300p.pdf'));
    expect(pages).toHaveLength(300);
    expect(
      pages.flatMap((text, index) => (text.includes('QUASAR-4412') ? [index + 1] : [])),
    ).toEqual([250]);
  });

  it('the protected notice opens with “secret” only; the truncated one not at all', async () => {
    const locked = fixture('bad', 'encrypted-password-secret.pdf');
    await expect(pageTexts(locked)).rejects.toMatchObject({ name: 'PasswordException' });
    expect((await pageTexts(locked, 'secret'))[2]).toContain('ZEBRA-7731');
    await expect(pageTexts(fixture('bad', 'truncated.pdf'))).rejects.toThrow();
  });

  it('the scripted PDF opens, shows its text and carries a JavaScript OpenAction', async () => {
    const file = fixture('bad', 'js-action.pdf');
    expect((await pageTexts(file))[0]).toContain('must never run');
    const bytes = readFileSync(file, 'latin1');
    expect(bytes).toMatch(/\/OpenAction \d+ 0 R/);
    expect(bytes).toMatch(/\/S \/JavaScript/);
  });

  it('the company profile: one page of Cyrillic text', async () => {
    const pages = await pageTexts(fixture('pdf', 'company-profile.pdf'));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Улан-Удэнский авиационный завод');
  });
});
