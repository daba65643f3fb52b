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

/**
 * The text offset of a DOM position inside the layer. A position between elements (on a line's
 * <br>, on the layer itself) counts as the start of the text after it, or the end of the layer's
 * text.
 */
export function offsetOf(index: TextLayerIndex, node: Node, offset: number): number {
  const piece = index.pieces.find((candidate) => candidate.node === node);
  if (piece) return piece.start + Math.min(offset, piece.node.length);
  const point = document.createRange();
  point.setStart(node, offset);
  const next = index.pieces.find((candidate) => point.comparePoint(candidate.node, 0) >= 0);
  return next?.start ?? index.text.length;
}

/** A span without the line ends and spaces at its edges (a drag that ends past a line's end). */
export function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  return { start, end };
}
