export const ROW_HEIGHT = 28;
/**
 * Chromium caps an element's height near 33.5 million pixels, which a million 28-px rows come close
 * to and two million pass. Past this height the scrollbar maps proportionally onto the rows instead.
 * (Virtual-list libraries place row i at i × height, which is why this one is written here.)
 */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export type ScrollWindow = {
  /** The height of the scrolling content. */
  height: number;
  /** The first row in view, and how many rows fit. */
  first: number;
  visible: number;
  /** Where the rows are drawn, in content pixels. */
  top: number;
  /** The scroll position that shows row `position` (at the top, or the bottom when scrolling down). */
  scrollTopFor: (position: number, currentScrollTop: number) => number;
};

export function scrollWindow(count: number, scrollTop: number, viewport: number): ScrollWindow {
  const fullHeight = count * ROW_HEIGHT;
  const height = Math.min(fullHeight, MAX_SCROLL_HEIGHT);
  const visible = Math.ceil(viewport / ROW_HEIGHT) + 1;
  const scaled = fullHeight > MAX_SCROLL_HEIGHT;
  const scrollable = Math.max(1, height - viewport);
  const lastFirst = Math.max(0, count - visible + 1);
  const first = scaled
    ? Math.min(lastFirst, Math.round((Math.min(scrollTop, scrollable) / scrollable) * lastFirst))
    : Math.floor(scrollTop / ROW_HEIGHT);
  return {
    height,
    first,
    visible,
    top: scaled ? scrollTop : first * ROW_HEIGHT,
    scrollTopFor: (position, current) => {
      if (scaled) return (Math.min(position, lastFirst) / Math.max(1, lastFirst)) * scrollable;
      if (position * ROW_HEIGHT < current) return position * ROW_HEIGHT;
      if ((position + 2) * ROW_HEIGHT > current + viewport)
        return (position + 2) * ROW_HEIGHT - viewport;
      return current;
    },
  };
}
