import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from '../../case/documents/pdfjs';

type OutlineNode = { title: string; page: number | null; items: OutlineNode[] };

type RawOutlineItem = { title: string; dest: unknown; items: RawOutlineItem[] };
type RawOutline = RawOutlineItem[];

async function pageOf(pdf: PDFDocumentProxy, dest: unknown): Promise<number | null> {
  try {
    const explicit = (typeof dest === 'string' ? await pdf.getDestination(dest) : dest) as
      unknown[] | null;
    const ref: unknown = explicit?.[0];
    if (typeof ref === 'number') return ref + 1;
    if (ref && typeof ref === 'object')
      return (await pdf.getPageIndex(ref as { num: number; gen: number })) + 1;
  } catch {
    // An outline entry pointing nowhere is shown without a page.
  }
  return null;
}

async function resolve(pdf: PDFDocumentProxy, items: RawOutline): Promise<OutlineNode[]> {
  return Promise.all(
    items.map(async (item) => ({
      title: item.title,
      page: await pageOf(pdf, item.dest),
      items: await resolve(pdf, item.items),
    })),
  );
}

/** The document's own outline (bookmarks), where it has one; a click goes to the page. */
export function DocumentOutline(props: { pdf: PDFDocumentProxy; onGoTo: (page: number) => void }) {
  const [outline, setOutline] = useState<OutlineNode[] | null>(null);
  useEffect(() => {
    let live = true;
    void props.pdf
      .getOutline()
      .then((items) => (items ? resolve(props.pdf, items as unknown as RawOutline) : []))
      .then((nodes) => live && setOutline(nodes));
    return () => {
      live = false;
    };
  }, [props.pdf]);
  if (!outline || outline.length === 0) return null;
  const list = (nodes: OutlineNode[]) => (
    <ul>
      {nodes.map((node, index) => (
        <li key={`${node.title}-${index}`}>
          <button
            type="button"
            disabled={node.page === null}
            onClick={() => node.page && props.onGoTo(node.page)}
          >
            {node.title}
          </button>
          {node.items.length > 0 && list(node.items)}
        </li>
      ))}
    </ul>
  );
  return (
    <nav className="outline" aria-label="Outline">
      <details open>
        <summary>Outline</summary>
        {list(outline)}
      </details>
    </nav>
  );
}
