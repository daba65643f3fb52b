import { describe, expect, it } from 'vitest';
import {
  MAX_SCROLL_HEIGHT,
  ROW_HEIGHT,
  scrollWindow,
} from '../../renderer/src/features/shipments/scrollWindow';

describe('the shipment table’s scroll window', () => {
  const viewport = 560;

  it('maps pixels to rows one to one while the rows fit under the height cap', () => {
    const window = scrollWindow(400, 28 * 100, viewport);
    expect(window).toMatchObject({ height: 400 * ROW_HEIGHT, first: 100, top: 2800, visible: 21 });
    expect(window.scrollTopFor(399, 0)).toBe(401 * ROW_HEIGHT - viewport);
    expect(window.scrollTopFor(50, 2800)).toBe(50 * ROW_HEIGHT);
  });

  it.each([1_000_000, 2_000_000, 5_000_000])(
    'reaches the last of %d rows under the height cap',
    (count) => {
      const top = scrollWindow(count, 0, viewport);
      expect(top.height).toBeLessThanOrEqual(MAX_SCROLL_HEIGHT);
      expect(top.first).toBe(0);
      const bottom = scrollWindow(count, top.height - viewport, viewport);
      expect(bottom.first + bottom.visible - 1).toBeGreaterThanOrEqual(count - 1);
      expect(bottom.first).toBeLessThan(count);
      // Jumping to the last row (End) scrolls to the bottom, which shows it.
      const end = top.scrollTopFor(count - 1, 0);
      const shown = scrollWindow(count, end, viewport);
      expect(shown.first + shown.visible - 1).toBeGreaterThanOrEqual(count - 1);
      // Every row is reachable: one pixel of scrolling moves by at most a few hundred rows.
      expect(scrollWindow(count, 1, viewport).first).toBeLessThan(count / 1000);
    },
  );
});
