/** Ordered lists (claims within a section, sections, statuses) keep a numeric `order` field. */

export type Ordered = { id: string; order: number };

export const byOrder = (a: Ordered, b: Ordered): number => a.order - b.order;

/** The order value for an item appended after `items`. */
export function nextOrder(items: readonly Ordered[]): number {
  return items.reduce((max, item) => Math.max(max, item.order), 0) + 1;
}

/**
 * The order changes that move item `id` one place up or down among `items`: a swap with its
 * neighbour. Returns an empty list at either end. Equal orders (possible after a merge of lists)
 * are separated rather than swapped into the same value.
 */
export function moveByOne(
  items: readonly Ordered[],
  id: string,
  direction: 'up' | 'down',
): { id: string; order: number }[] {
  const sorted = [...items].sort(byOrder);
  const index = sorted.findIndex((item) => item.id === id);
  const neighbourIndex = direction === 'up' ? index - 1 : index + 1;
  const item = sorted[index];
  const neighbour = sorted[neighbourIndex];
  if (!item || !neighbour) return [];
  if (item.order === neighbour.order) {
    const shift = direction === 'up' ? -0.5 : 0.5;
    return [{ id: item.id, order: neighbour.order + shift }];
  }
  return [
    { id: item.id, order: neighbour.order },
    { id: neighbour.id, order: item.order },
  ];
}
