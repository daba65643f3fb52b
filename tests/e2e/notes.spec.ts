import { expect, test, type Page } from '@playwright/test';
import { addClaim, claimButton, openTab, startInvestigation } from './app';

async function writeNote(
  page: Page,
  fields: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByRole('button', { name: 'New note' }).click();
  const dialog = page.getByRole('dialog', { name: 'New source note' });
  await fields(dialog);
  await dialog.getByRole('button', { name: 'Save note' }).click();
  return dialog;
}

test('source notes: kinds, confidentiality, requests for comment, filters and safe bodies', async ({
  page,
}) => {
  // The day the requests below are looked at: after one's deadline, before the other's answer.
  await page.clock.setFixedTime(new Date('2022-12-10T12:00:00'));
  await startInvestigation(page, 'Sources', 'Notes');

  await writeNote(page, async (dialog) => {
    await dialog.getByLabel('Title').fill('Expert interview on rotor parts');
    await dialog.getByLabel('Source name').fill('Dr. A. Example');
    await dialog.getByLabel('Role or affiliation').fill('Aviation analyst');
    await dialog
      .getByLabel(/^Body/)
      .fill(
        'She said *twice*:\n\n- parts are dual-use\n\n<img src=x onerror="document.title=\'pwned\'">',
      );
  });
  const notes = page.getByRole('list', { name: 'Source notes' });
  await expect(notes).toContainText('Expert interview on rotor parts');
  await expect(page.getByText('1 note', { exact: true })).toBeVisible();
  await expect(notes.locator('em')).toHaveText('twice');
  await expect(notes).toContainText('<img src=x onerror="document.title=\'pwned\'">');
  await expect(notes.locator('img')).toHaveCount(0);

  // A background source needs the attribution to use instead of the name.
  const background = await writeNote(page, async (dialog) => {
    await dialog.getByLabel('Title').fill('Conversation with an official');
    await dialog.getByLabel('Source name').fill('J. Doe');
    await dialog.getByLabel('Confidentiality').selectOption('background');
  });
  await expect(background.getByRole('alert')).toContainText('attribution');
  await background.getByLabel('Attribution (used instead of the name)').fill('a Western official');
  await background.getByRole('button', { name: 'Save note' }).click();
  await expect(notes).toContainText('quoted as “a Western official”');

  await writeNote(page, async (dialog) => {
    await dialog.getByLabel('Kind').selectOption({ label: 'Request for comment' });
    await dialog.getByLabel('Title').fill('Request to the exporter');
    await dialog.getByLabel('Sent to').fill('Press office of the exporter');
    await dialog.getByLabel('Sent on').fill('2022-12-01');
    await dialog.getByLabel('Deadline').fill('2022-12-08');
    await dialog.getByLabel('Outcome').selectOption({ label: 'No response' });
  });
  await expect(notes).toContainText(
    'Sent to Press office of the exporter on 2022-12-01, deadline 2022-12-08: No response',
  );
  await writeNote(page, async (dialog) => {
    await dialog.getByLabel('Kind').selectOption({ label: 'Request for comment' });
    await dialog.getByLabel('Title').fill('Request to the plant');
    await dialog.getByLabel('Sent to').fill('The plant’s director');
    await dialog.getByLabel('Sent on').fill('2022-12-01');
    await dialog.getByLabel('Deadline').fill('2022-12-05');
  });
  // Still awaited five days after its deadline: overdue, on the desk and on the note.
  await expect(
    page.getByRole('status', { name: 'Requests for comment, where they stand' }),
  ).toHaveText('2 requests: 1 overdue, 0 awaited before their deadline.');
  const desk = page.getByRole('table', { name: 'Requests for comment' });
  await expect(desk.getByRole('row').nth(1)).toHaveText(
    'Request to the plantThe plant’s director2022-12-012022-12-05Overdue: no answer by the deadlineno claim',
  );
  await expect(notes).toContainText('deadline 2022-12-05: Overdue: no answer by the deadline');
  // A claim citing it is marked in the claim list.
  const claim = 'The plant took delivery of rotor blades in November.';
  await openTab(page, 'Claims');
  await addClaim(page, claim);
  await openTab(page, 'Notes');
  await page.getByRole('button', { name: 'Link note Request to the plant to a claim' }).click();
  const linking = page.getByRole('dialog');
  await linking.getByLabel('Claim').selectOption({ label: claim });
  await linking.getByRole('button', { name: 'Link' }).click();
  await expect(linking).toBeHidden();
  await expect(desk.getByRole('row').nth(1)).toContainText('1 claim');
  await openTab(page, 'Claims');
  await expect(claimButton(page, claim)).toContainText('Request for comment overdue');
  await openTab(page, 'Notes');

  await writeNote(page, async (dialog) => {
    await dialog.getByLabel('Title').fill('Insider account');
    await dialog.getByLabel('Source name').fill('Secret Person');
    await dialog.getByLabel('Confidentiality').selectOption('confidential');
  });
  await expect(notes).toContainText('confidential: never exported by name');
  // Marked before anything else on its card, not only in the grey line.
  await expect(
    notes.locator(':scope > li').filter({ hasText: 'Insider account' }).locator('.tag'),
  ).toHaveText('Confidential source');

  await page.getByLabel('Outcome').selectOption({ label: 'No response' });
  await expect(page.getByText('Showing 1 of 5 notes')).toBeVisible();
  await expect(notes.locator(':scope > li')).toHaveCount(1);
  await page.getByLabel('Outcome').selectOption('');
  await page.getByRole('combobox', { name: 'Confidentiality' }).selectOption('confidential');
  await expect(notes.locator(':scope > li')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Confidentiality' }).selectOption('');

  // Edit, reload, delete.
  await page.getByRole('button', { name: 'Edit note Request to the exporter' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit “Request to the exporter”' });
  await edit.getByLabel('Outcome').selectOption({ label: 'Answered' });
  await edit.getByRole('button', { name: 'Save note' }).click();
  await expect(edit.getByRole('alert')).toContainText('answer');
  await edit.getByLabel('Their answer').fill('We comply with all applicable laws.');
  await edit.getByRole('button', { name: 'Save note' }).click();
  // The dialog closes once the note is stored.
  await expect(edit).toBeHidden();
  await page.reload();
  await expect(notes).toContainText('Answered — “We comply with all applicable laws.”');
  await page.getByRole('button', { name: 'Delete note Insider account' }).click();
  await page
    .getByRole('dialog', { name: 'Delete note “Insider account”?' })
    .getByRole('button', { name: 'Delete note' })
    .click();
  await expect(notes.locator(':scope > li')).toHaveCount(4);
  await expect(page).toHaveTitle('Waybill');
});

test('a confidential source’s other forms are proposed, added and kept with the note', async ({
  page,
}) => {
  await startInvestigation(page, 'Forms', 'Notes');
  await writeNote(page, async (dialog) => {
    await dialog.getByLabel('Title').fill('Insider');
    await dialog.getByLabel('Source name').fill('Ирина Жукова');
    // Forms are asked for only where the name is kept out of exports.
    await expect(dialog.getByLabel('Also written as (one form a line)')).toHaveCount(0);
    await dialog.getByLabel('Confidentiality').selectOption('confidential');
    const proposals = dialog.getByRole('group', { name: 'Proposed forms' });
    await expect(proposals.getByRole('button')).toHaveText([
      'Add “Ирина”',
      'Add “Жукова”',
      'Add “Irina Zhukova”',
    ]);
    await proposals.getByRole('button', { name: 'Add “Жукова”' }).click();
    await proposals.getByRole('button', { name: 'Add “Irina Zhukova”' }).click();
    const forms = dialog.getByLabel('Also written as (one form a line)');
    await expect(forms).toHaveValue('Жукова\nIrina Zhukova');
    await forms.press('End');
    await forms.pressSequentially('\nthe Owl');
    await expect(proposals.getByRole('button')).toHaveText(['Add “Ирина”']);
  });
  // Reload only once the save has landed, or the reload can beat it.
  await expect(page.getByRole('dialog', { name: 'New source note' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Source notes' })).toContainText('Insider');
  await page.reload();
  await page.getByRole('button', { name: 'Edit note Insider' }).click();
  await expect(
    page
      .getByRole('dialog', { name: 'Edit “Insider”' })
      .getByLabel('Also written as (one form a line)'),
  ).toHaveValue('Жукова\nIrina Zhukova\nthe Owl');
});

test('a pasted source name with characters that show nothing has them written out', async ({
  page,
}) => {
  await startInvestigation(page, 'Invisible', 'Notes');
  await writeNote(page, async (dialog) => {
    await dialog.getByLabel('Title').fill('Pasted');
    const name = dialog.getByLabel('Source name');
    await name.fill('Irina Zaslonova');
    await expect(name).not.toHaveAccessibleDescription(/show nothing/);
    // A zero-width space and a right-to-left override, as a copied name can carry.
    await name.fill('Irina Zaslo\u200Bnova \u202Eavon');
    await expect(name).toHaveAccessibleDescription(
      'Holds characters that show nothing (a pasted name often does): Irina Zaslo[U+200B]nova [U+202E]avon',
    );
  });
  await expect(page.getByRole('list', { name: 'Source notes' })).toContainText(
    'Irina Zaslo[U+200B]nova [U+202E]avon · on the record',
  );
});

test('a source is one record: its notes share it, its forms and its handling', async ({ page }) => {
  await startInvestigation(page, 'One source', 'Notes');
  await writeNote(page, async (dialog) => {
    await dialog.getByLabel('Title').fill('First call');
    await dialog.getByLabel('Source name').fill('Irina Zaslonova');
    await dialog.getByLabel('Confidentiality').selectOption('confidential');
  });
  // A second note from the same person chooses her; typing her name again is refused in words.
  const again = await writeNote(page, async (dialog) => {
    await dialog.getByLabel('Title').fill('Second call');
    await dialog.getByLabel('Source name').fill('irina  zaslonova');
  });
  await expect(again.getByRole('alert')).toContainText(
    'There is a source named “Irina Zaslonova” already: choose it from the list of sources.',
  );
  const who = again.getByLabel('Who the note comes from');
  await who.selectOption({
    label: 'Irina Zaslonova (Confidential (name never leaves this machine))',
  });
  await expect(again.getByLabel('Source name')).toHaveValue('Irina Zaslonova');
  await expect(who).toHaveAccessibleDescription(
    'Changes to this source apply to the other note from it.',
  );
  await again.getByRole('button', { name: 'Save note' }).click();
  await expect(again).toBeHidden();

  const sources = page.getByRole('list', { name: 'Sources' });
  await expect(sources.getByRole('listitem')).toHaveCount(1);
  await expect(sources).toContainText('2 notes');
  // Declared once, on the source, for both notes.
  await page.getByRole('button', { name: 'Edit source Irina Zaslonova' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit source “Irina Zaslonova”' });
  await expect(edit).toContainText('2 notes come from this source');
  await edit
    .getByRole('group', { name: 'Proposed forms' })
    .getByRole('button', { name: 'Add “Zaslonova”' })
    .click();
  await edit.getByRole('button', { name: 'Save source' }).click();
  await expect(edit).toBeHidden();
  await expect(sources).toContainText('Also written as: Zaslonova');
  await page.getByRole('button', { name: 'Edit note Second call' }).click();
  const note = page.getByRole('dialog', { name: 'Edit “Second call”' });
  await expect(note.getByLabel('Also written as (one form a line)')).toHaveValue('Zaslonova');
  await note.getByRole('button', { name: 'Cancel' }).click();

  // A source notes come from is not deleted.
  await page.getByRole('button', { name: 'Delete source Irina Zaslonova' }).click();
  const remove = page.getByRole('dialog', { name: 'Delete source “Irina Zaslonova”?' });
  await remove.getByRole('button', { name: 'Delete source' }).click();
  await expect(remove.getByRole('alert')).toContainText(
    '2 notes come from this source: give them another source first.',
  );
  await remove.getByRole('button', { name: 'Cancel' }).click();
  await expect(sources.getByRole('listitem')).toHaveCount(1);
});
