/**
 * Selecting text in a page's text layer by dragging, the selection following the text the pointer
 * is over, in reading order.
 *
 * A text layer is absolutely placed spans (pdf.js's text items) with empty page between them. Left
 * to itself, the browser has no text under a pointer in that empty space and puts the selection's
 * end wherever its hit test lands, often the end of the layer: a sentence dragged a little past its
 * last word runs on into the items after it, and a drag begun in the margin starts a line early or
 * late. (pdf.js's own viewer moves an empty block around to soften the end; the start stays wrong.)
 * So a plain drag is made here: each end is the character under the pointer or, over empty page,
 * the nearest text on the nearest line. Double and triple clicks and Shift+click stay the
 * browser's (a word, a line, extending).
 */

type Position = { node: Text; offset: number };
type Item = { node: Text; rect: DOMRect };

/** The text items of a layer with where they are on screen (read once per drag). */
function itemsOf(layer: HTMLElement): Item[] {
  const items: Item[] = [];
  const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const rect = text.parentElement?.getBoundingClientRect();
    if (rect && text.length > 0 && rect.width > 0 && rect.height > 0)
      items.push({ node: text, rect });
  }
  return items;
}

/** How far a point is from a range of coordinates (0 inside it). */
const distance = (value: number, low: number, high: number) =>
  value < low ? low - value : value > high ? value - high : 0;

/** The character boundary under (x, y) in `item`: by the browser's caret where it can tell. */
function offsetIn(item: Item, x: number): number {
  const { rect, node } = item;
  if (x <= rect.left) return 0;
  if (x >= rect.right) return node.length;
  const caret = document.caretRangeFromPoint(x, rect.top + rect.height / 2);
  if (caret?.startContainer === node) return caret.startOffset;
  // Proportionally, where the caret lands elsewhere (a span scaled by pdf.js).
  return Math.round(((x - rect.left) / rect.width) * node.length);
}

/** The position a pointer at (x, y) selects up to: on the nearest line, the nearest text. */
function positionAt(items: Item[], x: number, y: number): Position | null {
  let line = Infinity;
  for (const item of items) line = Math.min(line, distance(y, item.rect.top, item.rect.bottom));
  let best: Item | null = null;
  let across = Infinity;
  for (const item of items) {
    if (distance(y, item.rect.top, item.rect.bottom) !== line) continue;
    const away = distance(x, item.rect.left, item.rect.right);
    if (away < across) [best, across] = [item, away];
  }
  return best && { node: best.node, offset: offsetIn(best, x) };
}

/** Makes drags in a rendered text layer select what they pass over; returns what undoes it. */
export function followSelection(layer: HTMLElement): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  layer.addEventListener(
    'mousedown',
    (down) => {
      if (down.button !== 0 || down.detail > 1 || down.shiftKey) return;
      let items = itemsOf(layer);
      // The items are where they were read until the page scrolls during the drag: then again.
      let origin = layer.getBoundingClientRect();
      const at = (event: MouseEvent) => {
        const now = layer.getBoundingClientRect();
        if (now.top !== origin.top || now.left !== origin.left) {
          items = itemsOf(layer);
          origin = now;
        }
        return positionAt(items, event.clientX, event.clientY);
      };
      const start = at(down);
      if (!start) return;
      down.preventDefault();
      const selection = document.getSelection();
      if (!selection) return;
      selection.collapse(start.node, start.offset);
      const drag = new AbortController();
      const move = (event: MouseEvent) => {
        const end = at(event);
        if (end) selection.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
      };
      document.addEventListener('mousemove', move, { signal: drag.signal });
      document.addEventListener(
        'mouseup',
        (up) => {
          move(up);
          drag.abort();
        },
        { signal: drag.signal },
      );
      signal.addEventListener('abort', () => drag.abort());
    },
    { signal },
  );
  return () => controller.abort();
}
