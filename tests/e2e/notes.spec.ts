import { expect, test, type Page } from '@playwright/test';
import { startInvestigation } from './app';

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
    await dialog.getByLabel('Title').fill('Insider account');
    await dialog.getByLabel('Source name').fill('Secret Person');
    await dialog.getByLabel('Confidentiality').selectOption('confidential');
  });
  await expect(notes).toContainText('confidential: never exported by name');

  await page.getByLabel('Outcome').selectOption({ label: 'No response' });
  await expect(page.getByText('Showing 1 of 4 notes')).toBeVisible();
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
  await expect(notes.locator(':scope > li')).toHaveCount(3);
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
