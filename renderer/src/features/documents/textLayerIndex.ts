import type { TextSpan } from '#shared/documents/textAnchoring';

/**
 * The text of a rendered text layer, with the DOM position of every character: pdf.js writes one
 * span per text item and a <br> at each line end, so the layer's text is the page text excerpts use.
 */
export type TextLayerIndex = { text: string; pieces: { node: Text; start: number }[] };

export function indexTextLayer(container: HTMLElement): TextLayerIndex {
  const pieces: TextLayerIndex['pieces'] = [];
  let text = '';
  const walker = document.createTreeWalker(
    container,
    NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT,
  );
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) {
      pieces.push({ node, start: text.length });
      text += node.data;
    } else if (node instanceof HTMLBRElement) {
      text += '\n';
    }
  }
  return { text, pieces };
}

function boundary(index: TextLayerIndex, offset: number): { node: Text; offset: number } | null {
  for (let at = index.pieces.length - 1; at >= 0; at -= 1) {
    const piece = index.pieces[at];
    if (piece.start <= offset)
      return { node: piece.node, offset: Math.min(offset - piece.start, piece.node.length) };
  }
  return null;
}

export function rangeFor(index: TextLayerIndex, span: TextSpan): Range | null {
  const start = boundary(index, span.start);
  const end = boundary(index, span.end);
  if (!start || !end) return null;
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

/** The text offset of a DOM position inside the layer, or null when it lies outside. */
export function offsetOf(index: TextLayerIndex, node: Node, offset: number): number | null {
  const piece = index.pieces.find((candidate) => candidate.node === node);
  if (piece) return piece.start + offset;
  // A boundary on an element: count the text before its child at `offset`.
  if (!(node instanceof Element)) return null;
  const child = node.childNodes[offset];
  const next = child
    ? index.pieces.find((candidate) => child === candidate.node || child.contains(candidate.node))
    : undefined;
  return next?.start ?? null;
}
