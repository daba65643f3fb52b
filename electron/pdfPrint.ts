import { BrowserWindow } from 'electron';
import { printWindowPreferences } from './security';

/**
 * Prints self-contained HTML (the dossier) to PDF with Chromium: a hidden window, sandboxed, with
 * JavaScript off and no preload, loads the HTML from a data: URL and is destroyed afterwards. The
 * PDF is bytes the app writes and hashes like every other export.
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({ show: false, webPreferences: printWindowPreferences() });
  try {
    await window.loadURL(
      `data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`,
    );
    const pdf = await window.webContents.printToPDF({
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
    });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
  }
}
