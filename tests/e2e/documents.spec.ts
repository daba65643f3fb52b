import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fixture, fixtureSets } from '../fixtureSets';
import { addClaim, openTab, startInvestigation } from './app';
import { exportPackage } from './dossierExports';

async function addPdfs(page: Page, ...files: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add PDFs' }).click();
  await (await chooser).setFiles(files);
}

const documentsIn = (page: Page) => page.getByRole('list', { name: 'Documents' });

/** Searches all documents and opens the first result. */
async function searchAndOpen(page: Page, query: string) {
  await page.getByLabel('Search all documents').fill(query);
  const result = page.getByRole('list', { name: 'Search results' }).getByRole('button').first();
  await expect(result).toBeVisible();
  const text = await result.innerText();
  await result.click();
  return text;
}

/** How many ranges the viewer highlights under a name (CSS Custom Highlight API). */
const highlighted = (page: Page, name: string) =>
  page.evaluate((key) => CSS.highlights.get(key)?.size ?? 0, name);

/** Selects a passage in a rendered page's text layer, as a user's drag would. */
async function selectText(page: Page, pageNumber: number, from: string, to: string) {
  await page.evaluate(
    ({ pageNumber, from, to }) => {
      const layer = document.querySelector(`[data-page="${pageNumber}"] .textLayer`)!;
      const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const start = nodes.find((node) => node.data.includes(from))!;
      const end = nodes.find((node) => node.data.includes(to))!;
      const range = document.createRange();
      range.setStart(start, start.data.indexOf(from));
      range.setEnd(end, end.data.indexOf(to) + to.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { pageNumber, from, to },
  );
}

for (const set of fixtureSets)
  test(`a PDF is searched across, read, and excerpted; the excerpt survives a reload (${set.title})`, async ({
    page,
  }) => {
    test.skip(!set.available, set.skipReason);
    test.setTimeout(60_000);
    await startInvestigation(page, 'Notice', 'Documents');
    await addPdfs(page, set.path('pdf', 'designation-notice.pdf'));
    await expect(documentsIn(page)).toContainText('Notice of Designation TEST-NOTICE-2022-0117');
    await expect(documentsIn(page)).toContainText('3 pages');

    expect(await searchAndOpen(page, 'ZEBRA-7731')).toContain('page 3');
    await expect.poll(() => highlighted(page, 'waybill-current-hit')).toBe(1);
    expect(await searchAndOpen(page, '保利科技有限公司')).toContain('page 1');
    // Across the line break at its own hyphen, with and without the hyphen.
    await page.getByLabel('Search all documents').fill('Улан-Удэнский');
    await expect(page.getByRole('list', { name: 'Search results' })).toContainText('page 2');

    await expect(
      page.getByRole('region', { name: 'Page 1' }).locator('.textLayer span').first(),
    ).toBeVisible();
    await selectText(
      page,
      1,
      'The same entity was previously designated in 2013',
      'North Korea and Syria.',
    );
    await page.getByRole('button', { name: 'Create excerpt' }).click();
    const excerpts = page.getByRole('list', { name: 'Excerpts' });
    await expect(excerpts).toContainText('Page 1');
    await expect(excerpts).toContainText('previously designated in 2013');

    await page.reload();
    await documentsIn(page)
      .getByRole('button', { name: /Notice of Designation/ })
      .click();
    await expect(excerpts).toContainText('Page 1');
    await expect(excerpts.getByRole('listitem')).toHaveCount(1);
    await expect(excerpts).toContainText('The same entity was previously designated in 2013');
    await expect.poll(() => highlighted(page, 'waybill-excerpt')).toBe(1);

    // Adding the same bytes again says so and adds nothing.
    await addPdfs(page, set.path('pdf', 'designation-notice.pdf'));
    const notice = page.getByRole('status').filter({ hasText: 'already here' });
    await expect(notice).toBeVisible();
    await expect(documentsIn(page).getByRole('listitem')).toHaveCount(1);
    // A notice leaves by itself after a while (an error stays until dismissed).
    await expect(notice).toBeHidden({ timeout: 15_000 });
  });

/**
 * Drags the mouse over a passage of a rendered page, as a user selects it: from just before its
 * first character to `past` pixels past its last (over empty page where the line ends there), each
 * found in the text layer.
 */
async function dragOver(page: Page, pageNumber: number, from: string, to: string, past = 24) {
  const box = await page.evaluate(
    ({ pageNumber, from, to }) => {
      const layer = document.querySelector(`[data-page="${pageNumber}"] .textLayer`)!;
      const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      // In view first, as a user scrolls to what they select.
      nodes
        .find((node) => node.data.includes(from))!
        .parentElement!.scrollIntoView({ block: 'center' });
      const charRect = (text: string, first: boolean) => {
        const node = nodes.find((candidate) => candidate.data.includes(text))!;
        const at = node.data.indexOf(text) + (first ? 0 : text.length - 1);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const rect = range.getBoundingClientRect();
        return { left: rect.left, right: rect.right, middle: rect.top + rect.height / 2 };
      };
      return { start: charRect(from, true), end: charRect(to, false) };
    },
    { pageNumber, from, to },
  );
  // A hand starts a little before the first character and lets go past the last, over empty page.
  await page.mouse.move(box.start.left - 3, box.start.middle);
  await page.mouse.down();
  await page.mouse.move(
    (box.start.left + box.end.right) / 2,
    (box.start.middle + box.end.middle) / 2,
    {
      steps: 8,
    },
  );
  await page.mouse.move(box.end.right + past, box.end.middle, { steps: 8 });
  await page.mouse.up();
}

test('sentences dragged over across lines are excerpted as they read, in three scripts', async ({
  page,
}) => {
  await startInvestigation(page, 'Amendment', 'Documents');
  await addPdfs(page, fixture('pdf', 'amended-notice.pdf'));
  await documentsIn(page)
    .getByRole('button', { name: /Amendment to Notice/ })
    .click();
  await expect(
    page.getByRole('region', { name: 'Page 1' }).locator('.textLayer span').first(),
  ).toBeVisible();
  const excerpts = page.getByRole('list', { name: 'Excerpts' });
  // Each: where the drag starts and ends, how far past its last character, and the quote as it reads.
  const sentences: [string, string, number, string][] = [
    // “designa-tion”: page 2 writes “designation” whole; “state-owned” is nowhere else.
    [
      'The plant,',
      'review ends.',
      24,
      'The plant, which the notice described as state-owned, keeps its designation until the review ends.',
    ],
    // This one ends mid-line: the drag stops on its full stop.
    ['Завод', 'проверки.', -1, 'Завод остаётся в перечне до окончания проверки.'],
    ['保利', '不变。', 24, '保利科技有限公司的指定维持不变。'],
  ];
  for (const [index, [from, to, past, reading]] of sentences.entries()) {
    await dragOver(page, 1, from, to, past);
    await page.getByRole('button', { name: 'Create excerpt' }).click();
    await expect(excerpts.getByRole('listitem')).toHaveCount(index + 1);
    await expect.poll(() => excerpts.locator('q').allInnerTexts()).toContain(reading);
  }
});

test('a sentence dragged over reads with its soft hyphen joined and its hard one kept', async ({
  page,
}) => {
  await startInvestigation(page, 'Soft hyphens', 'Documents');
  await addPdfs(page, fixture('pdf', 'soft-hyphen-notice.pdf'));
  await documentsIn(page)
    .getByRole('button', { name: /Notice TEST-NOTICE-2023-0051/ })
    .click();
  await expect(
    page.getByRole('region', { name: 'Page 1' }).locator('.textLayer span').first(),
  ).toBeVisible();
  // pdf.js leaves soft hyphens out of its text; the app puts back the one the line is drawn with.
  await dragOver(page, 1, 'The plant', 'abroad.', 24);
  await page.getByRole('button', { name: 'Create excerpt' }).click();
  const excerpts = page.getByRole('list', { name: 'Excerpts', exact: true });
  await expect(excerpts.locator('q')).toHaveText(
    'The plant goes on exporting parts of its state-owned partner abroad.',
  );
  await page.getByLabel('Search all documents').fill('exporting parts');
  await expect(page.getByRole('list', { name: 'Search results' })).toContainText('page 1');
});

test('a new version takes the excerpts it still holds; the one it lost is listed, then kept', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await startInvestigation(page, 'Versions', 'Documents');
  await addPdfs(page, fixture('pdf', 'amended-notice.pdf'));
  await documentsIn(page)
    .getByRole('button', { name: /Amendment to Notice/ })
    .click();
  const excerpts = page.getByRole('list', { name: 'Excerpts', exact: true });
  const find = page.getByLabel('Find in document');
  for (const [index, passage] of [
    'which the notice described',
    'остаётся в перечне',
    '保利科技有限公司的',
  ].entries()) {
    await find.fill(passage);
    await find.press('Enter');
    await expect(page.getByText('1 of 1')).toBeVisible();
    await page.getByRole('button', { name: 'Excerpt this hit' }).click();
    await expect(excerpts.getByRole('listitem')).toHaveCount(index + 1);
  }
  await find.fill('');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add a new version…' }).click();
  await (await chooser).setFiles(fixture('pdf', 'amended-notice-corrected.pdf'));
  await expect(page.getByText('Version 2 of 2')).toBeVisible();
  // The list shows the document once, as its newest version.
  await expect(documentsIn(page).getByRole('listitem')).toHaveCount(1);
  // Two passages are still there: their excerpts moved, the Chinese one to page 2.
  await expect(excerpts.getByRole('listitem')).toHaveCount(2);
  await expect(excerpts.getByRole('listitem').filter({ hasText: '保利科技' })).toContainText(
    'Page 2',
  );
  await expect(excerpts).toContainText('which the notice described');
  // The reworded one is listed beside its old page, until kept on version 1.
  const lost = page.getByRole('list', { name: 'Excerpts not found in this version' });
  await expect(lost.getByRole('listitem')).toHaveCount(1);
  await expect(lost).toContainText('остаётся в перечне');
  await expect(lost).toContainText('version 1, page 1');
  await expect(lost.locator('mark')).toHaveText('остаётся в перечне');
  await lost.getByRole('button', { name: /^Keep “.*остаётся в перечне.*” on version 1$/ }).click();
  await expect(lost).toBeHidden();

  // Version 1 keeps it, and says a newer version supersedes it.
  await page.getByRole('button', { name: 'Open version 1 (amended-notice.pdf)' }).click();
  await expect(page.getByText('Version 1 of 2: a newer version supersedes it.')).toBeVisible();
  await expect(excerpts.getByRole('listitem')).toHaveCount(1);
  await expect(excerpts).toContainText('остаётся в перечне');
});

test('an excerpt can be cut from a find hit with the keyboard alone', async ({ page }) => {
  await startInvestigation(page, 'Keyboard excerpt', 'Documents');
  await addPdfs(page, fixture('pdf', 'designation-notice.pdf'));
  await documentsIn(page)
    .getByRole('button', { name: /Notice of Designation/ })
    .click();
  await expect(
    page.getByRole('region', { name: 'Page 1' }).locator('.textLayer span').first(),
  ).toBeVisible();
  await page.getByLabel('Find in document').fill('missile proliferation');
  await page.getByLabel('Find in document').press('Enter');
  await expect(page.getByText('1 of 1')).toBeVisible();
  await page.getByRole('button', { name: 'Excerpt this hit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Excerpts' })).toContainText('missile proliferation');
});

test('the 300-page report: QUASAR-4412 is found on page 250 and the viewer lands there', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await startInvestigation(page, 'Long report', 'Documents');
  await addPdfs(page, fixture('pdf', 'long-report-300p.pdf'));
  // The search answers once every page's text is stored.
  await expect(documentsIn(page)).toContainText('300 pages');
  await expect(documentsIn(page)).not.toContainText('extracting', { timeout: 150_000 });
  expect(await searchAndOpen(page, 'QUASAR-4412')).toContain('page 250');
  await expect(
    page.getByRole('region', { name: 'Page 250' }).locator('.textLayer span').first(),
  ).toBeVisible();
  await expect.poll(() => highlighted(page, 'waybill-current-hit')).toBe(1);
  // The indicator names the hit's page, not the one whose last lines show above it.
  await expect(page.getByText('page 250 of 300', { exact: true })).toBeVisible();
});

test('bad PDFs say what is wrong and store nothing; a protected one opens with its password', async ({
  page,
}) => {
  await startInvestigation(page, 'Bad PDFs', 'Documents');
  await addPdfs(page, fixture('bad', 'truncated.pdf'), fixture('bad', 'not-a-pdf.pdf'));
  await expect(
    page.getByRole('alert').filter({ hasText: 'truncated.pdf: this is not a readable PDF' }),
  ).toContainText('Nothing was stored');
  const notPdf = page
    .getByRole('alert')
    .filter({ hasText: 'not-a-pdf.pdf: this is not a readable PDF' });
  await expect(notPdf).toBeVisible();
  await expect(page.getByText('No documents yet.')).toBeVisible();
  // An error stays until the user dismisses it.
  await notPdf.getByRole('button', { name: /^Dismiss: not-a-pdf\.pdf/ }).click();
  await expect(notPdf).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'truncated.pdf' })).toBeVisible();

  await addPdfs(page, fixture('bad', 'encrypted-password-secret.pdf'));
  const dialog = page.getByRole('dialog', { name: 'Password for encrypted-password-secret.pdf' });
  await dialog.getByLabel('Password').fill('wrong');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('That password is not right.');
  await dialog.getByLabel('Password').fill('secret');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toBeHidden();
  await expect(documentsIn(page)).toContainText('password-protected');
  await expect(documentsIn(page)).toContainText('3 pages');
  await page.getByLabel('Search all documents').fill('ZEBRA-7731');
  await expect(page.getByRole('list', { name: 'Search results' })).toContainText('page 3');
  // The password is never stored: IndexedDB holds no trace of it.
  const stored = await page.evaluate(async () => {
    const name = (await indexedDB.databases()).find((database) =>
      database.name?.startsWith('waybill-investigation-'),
    )?.name;
    const request = indexedDB.open(name ?? '');
    const db = await new Promise<IDBDatabase>(
      (resolve) => (request.onsuccess = () => resolve(request.result)),
    );
    const all = await new Promise<unknown[]>((resolve) => {
      const reading = db.transaction('documents').objectStore('documents').getAll();
      reading.onsuccess = () => resolve(reading.result as unknown[]);
    });
    db.close();
    return all;
  });
  expect(JSON.stringify(stored)).not.toMatch(/"secret"|password"\s*:/);
});

test('a PDF with a JavaScript action opens and shows its text, and no script runs', async ({
  page,
}) => {
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('http://localhost:')) requests.push(request.url());
  });
  await startInvestigation(page, 'Scripts', 'Documents');
  await addPdfs(page, fixture('bad', 'js-action.pdf'));
  await documentsIn(page).getByRole('button').first().click();
  const firstPage = page.getByRole('region', { name: 'Page 1' });
  await expect(firstPage.locator('.textLayer')).not.toBeEmpty();
  await expect(page).toHaveTitle('Waybill');
  expect(dialogs).toEqual([]);
  expect(requests).toEqual([]);
});

test('PDFs dropped on the page are added, several at once', async ({ page }) => {
  await startInvestigation(page, 'Dropped', 'Documents');
  const files = ['company-profile.pdf', 'designation-notice.pdf'].map((name) => ({
    name,
    bytes: [...readFileSync(fixture('pdf', name))],
  }));
  const dataTransfer = await page.evaluateHandle((dropped) => {
    const transfer = new DataTransfer();
    for (const file of dropped) {
      transfer.items.add(
        new File([new Uint8Array(file.bytes)], file.name, { type: 'application/pdf' }),
      );
    }
    return transfer;
  }, files);
  await page.dispatchEvent('.documents', 'dragover', { dataTransfer });
  await page.dispatchEvent('.documents', 'drop', { dataTransfer });
  await expect(documentsIn(page).getByRole('listitem')).toHaveCount(2);
  await expect(documentsIn(page)).toContainText('Notice of Designation');
});

/** A valid one-page PDF with nothing on its page: what a scan without a text layer looks like to search. */
function blankPdf(): number[] {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return [...Buffer.from(body, 'latin1')];
}

test('a PDF without a text layer is flagged as a possible scan', async ({ page }) => {
  await startInvestigation(page, 'Scans', 'Documents');
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(
      new File([new Uint8Array(bytes)], 'scanned-letter.pdf', { type: 'application/pdf' }),
    );
    return transfer;
  }, blankPdf());
  await page.dispatchEvent('.documents', 'drop', { dataTransfer });
  await expect(documentsIn(page)).toContainText('no text: scanned?');
});

test('a scanned page is read by OCR: a word on it is found and excerpted, marked as OCR', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startInvestigation(page, 'Scanned notice', 'Claims');
  await addClaim(page, 'The plant made thermal imaging cameras.');
  await openTab(page, 'Documents');
  await addPdfs(page, fixture('pdf', 'scanned-notice.pdf'));
  await expect(documentsIn(page)).toContainText('no text: scanned?');
  await documentsIn(page)
    .getByRole('button', { name: /Scanned notice/ })
    .click();
  await expect(page.getByText('1 page has no text of its own')).toBeVisible();
  // Stopped at once: nothing is read, and it can be read later.
  await page.getByRole('button', { name: 'Read 1 page by OCR' }).click();
  await page.getByRole('button', { name: 'Stop reading' }).click();
  await expect(page.getByText(/^Stopped\. The pages read so far are kept/)).toBeVisible();
  await expect(documentsIn(page)).toContainText('no text: scanned?');
  await page.getByRole('button', { name: 'Read 1 page by OCR' }).click();
  await expect(page.getByRole('progressbar', { name: 'Text recognition' })).toBeVisible();
  await expect(page.getByText(/^Read 1 page by OCR: mean confidence \d+ %/)).toBeVisible({
    timeout: 90_000,
  });
  await expect(page.getByText(/^Text of 1 scanned page read by OCR \(eng\)/)).toBeVisible();
  await expect(documentsIn(page)).not.toContainText('no text');
  // The words are a text layer over the page's image.
  await expect(
    page.getByRole('region', { name: 'Page 1, text read by OCR' }).locator('.textLayer'),
  ).toContainText('KRASNOGORSK OPTICAL WORKS');

  await page.getByLabel('Search all documents').fill('thermal imaging');
  await expect(page.getByRole('list', { name: 'Search results' })).toContainText('page 1');
  await page.getByLabel('Find in document').fill('thermal imaging');
  await expect(page.getByText('1 of 1', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Excerpt this hit' }).click();
  const excerpts = page.getByRole('list', { name: 'Excerpts', exact: true });
  await expect(excerpts).toContainText('thermal imaging');
  await expect(excerpts).toContainText(/Read by OCR \(confidence \d+ %\)/);

  await page.getByRole('button', { name: 'Link excerpt from page 1 to a claim' }).click();
  const link = page.getByRole('dialog', { name: /^Link to claim: Excerpt/ });
  await link.getByRole('button', { name: 'Link' }).click();
  await expect(link).toBeHidden();
  await openTab(page, 'Dossier');
  const preview = page.frameLocator('iframe[title="Dossier preview"]');
  await expect(
    preview.getByText(/^Read by OCR \(confidence \d+ %\): a scanned page/),
  ).toBeVisible();
  const files = await exportPackage(page);
  const dossier = JSON.parse(new TextDecoder().decode(files['dossier.json'])) as {
    excerpts: { reading: string; ocr: { confidence: number } | null }[];
  };
  expect(dossier.excerpts).toHaveLength(1);
  expect(dossier.excerpts[0]?.reading).toBe('thermal imaging');
  expect(dossier.excerpts[0]?.ocr?.confidence).toBeGreaterThan(50);
  expect(new TextDecoder().decode(files['dossier.md'])).toMatch(/Read by OCR \(confidence \d+ %\)/);
});

const debianRussian = '/usr/share/tesseract-ocr/5/tessdata/rus.traineddata';
test('Russian language data from Debian’s tesseract-ocr-rus reads a Cyrillic scan (skipped where the package is absent)', async ({
  page,
}) => {
  test.skip(!existsSync(debianRussian), `${debianRussian} is not installed (tesseract-ocr-rus)`);
  test.setTimeout(120_000);
  await startInvestigation(page, 'Russian scan', 'Documents');
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add language data…' }).click();
  await (await chooser).setFiles(debianRussian);
  const languages = page.getByRole('list', { name: 'Text recognition languages' });
  await expect(languages).toContainText('rus: rus.traineddata');
  // Not language data: refused, naming the file, and nothing is added.
  const refused = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add language data…' }).click();
  await (
    await refused
  ).setFiles({
    name: 'ukr.traineddata',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('not data'),
  });
  await expect(page.getByRole('alert')).toContainText(
    'ukr.traineddata: this is not Tesseract language data',
  );
  await expect(languages.getByRole('listitem')).toHaveCount(2);

  await page.goBack();
  await addPdfs(page, fixture('pdf', 'scanned-notice-ru.pdf'));
  await documentsIn(page)
    .getByRole('button', { name: /Scanned notice/ })
    .click();
  await page.getByLabel('rus (rus.traineddata)').check();
  await page.getByRole('button', { name: 'Read 1 page by OCR' }).click();
  await expect(page.getByText(/^Text of 1 scanned page read by OCR \(eng \+ rus\)/)).toBeVisible({
    timeout: 90_000,
  });
  await page.getByLabel('Search all documents').fill('тепловизоров');
  await expect(page.getByRole('list', { name: 'Search results' })).toContainText('page 1');
});
