import type { Page } from 'playwright-core';

/**
 * Stands in for the browser's save dialog, which a test cannot answer (headless Chromium answers it
 * as if cancelled): from now on, `showSaveFilePicker` gives a file of the suggested name in the
 * origin's private file system, which the app then writes through the same writable stream as a
 * file the user chose. `savedFile` reads back the last one.
 */
export async function answerSaveDialogs(page: Page): Promise<void> {
  await page.evaluate(() => {
    const picking = window as unknown as {
      showSaveFilePicker: (options: { suggestedName: string }) => Promise<FileSystemFileHandle>;
      waybillSaved?: string;
    };
    picking.showSaveFilePicker = async ({ suggestedName }) => {
      picking.waybillSaved = suggestedName;
      const folder = await navigator.storage.getDirectory();
      return folder.getFileHandle(suggestedName, { create: true });
    };
  });
}

/** The name and size of the file last saved through that stand-in. */
export const lastSaved = (page: Page): Promise<{ name: string; size: number }> =>
  page.evaluate(async () => {
    const name = (window as unknown as { waybillSaved: string }).waybillSaved;
    const folder = await navigator.storage.getDirectory();
    return { name, size: (await (await folder.getFileHandle(name)).getFile()).size };
  });

/**
 * The file last saved through that stand-in, handed over as a download and kept at `destination`,
 * then removed from the origin's storage (where a file the user chose would never have counted).
 */
export async function keepLastSaved(page: Page, destination: string): Promise<string> {
  const download = page.waitForEvent('download');
  const name = await page.evaluate(async () => {
    const saved = (window as unknown as { waybillSaved: string }).waybillSaved;
    const folder = await navigator.storage.getDirectory();
    const file = await (await folder.getFileHandle(saved)).getFile();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(file);
    link.download = saved;
    link.click();
    return saved;
  });
  await (await download).saveAs(destination);
  await removeLastSaved(page);
  return name;
}

/** Removes the file last saved through that stand-in. */
export const removeLastSaved = (page: Page): Promise<void> =>
  page.evaluate(async () => {
    const saved = (window as unknown as { waybillSaved: string }).waybillSaved;
    await (await navigator.storage.getDirectory()).removeEntry(saved);
  });
