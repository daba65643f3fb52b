/**
 * Timing in the page for the benchmarks that drive the real app: from an input event to the frame
 * that shows its result, so that Playwright's own steps are not counted.
 */
import type { Page } from 'playwright-core';

type Timed = Window & { waybillShown?: Promise<number> };

/**
 * What the result looks like: `ready` matches, once `after` has matched (the page was busy with
 * the input), and `changed`'s text is no longer `from`.
 */
export type Shown = {
  ready: string;
  after?: string;
  changed?: { selector: string; from: string };
};

/**
 * Milliseconds from the next `event` (its timestamp) that `act` causes to the first frame after the
 * page shows `shown`.
 */
export async function inputToFrame(
  page: Page,
  event: string,
  shown: Shown,
  act: () => Promise<void>,
): Promise<number> {
  await page.evaluate(
    ([type, { ready, after, changed }]) => {
      (window as Timed).waybillShown = new Promise<number>((resolve) => {
        document.addEventListener(
          type,
          (input) => {
            let busy = !after;
            const observer = new MutationObserver(() => {
              busy ||= !!document.querySelector(after!);
              if (!busy || !document.querySelector(ready)) return;
              if (changed && document.querySelector(changed.selector)?.textContent === changed.from)
                return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - input.timeStamp));
            });
            observer.observe(document.body, {
              subtree: true,
              childList: true,
              attributes: true,
              characterData: true,
            });
          },
          { capture: true, once: true },
        );
      });
    },
    [event, shown] as const,
  );
  await act();
  return page.evaluate(() => (window as Timed).waybillShown!);
}

/** The text of the first element matching `selector` now ('' if none). */
export const textOf = (page: Page, selector: string): Promise<string> =>
  page.evaluate((wanted) => document.querySelector(wanted)?.textContent ?? '', selector);

export const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
