/**
 * A minimal PDF writer for the sample investigation's documents: pages of plain Latin text in
 * Helvetica (one of the standard fonts every reader has), a title in the document information, and
 * a correct cross-reference table. Enough for a synthetic notice that pdf.js renders and extracts;
 * nothing more is needed, so no PDF library is added for it.
 */
const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const LEADING = 16;

/** A PDF string literal: backslash and parentheses escaped; the text must be printable ASCII. */
function literal(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`Only printable ASCII is written: ${text}`);
  return `(${text.replace(/[\\()]/g, (char) => `\\${char}`)})`;
}

/** Lines of one page: a heading (larger) then body lines, top to bottom. */
export type PdfPageText = { heading: string; lines: string[] };

export function writePdf(title: string, pages: PdfPageText[]): string {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pageTree = add('');
  const font = add(
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  );
  const bold = add(
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  );
  const pageIds = pages.map((page) => {
    let y = PAGE_HEIGHT - MARGIN;
    const text = [`BT /F2 14 Tf 1 0 0 1 ${MARGIN} ${y} Tm ${literal(page.heading)} Tj ET`];
    y -= LEADING * 2;
    for (const line of page.lines) {
      if (line !== '') text.push(`BT /F1 11 Tf 1 0 0 1 ${MARGIN} ${y} Tm ${literal(line)} Tj ET`);
      y -= LEADING;
    }
    const stream = text.join('\n');
    const contents = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    return add(
      `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
        `/Resources << /Font << /F1 ${font} 0 R /F2 ${bold} 0 R >> >> /Contents ${contents} 0 R >>`,
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R >>`;
  objects[pageTree - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const info = add(`<< /Title ${literal(title)} /Producer (Waybill sample generator) >>`);

  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, index) => {
    const offset = out.length;
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\n`;
  out += `startxref\n${xref}\n%%EOF\n`;
  return out;
}
