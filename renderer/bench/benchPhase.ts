/**
 * A measured phase of a benchmark page: scripts/bench.ts samples the renderer's memory meanwhile
 * and reads the phase's start and end from these console lines. What earlier steps left behind is
 * collected first (where the page was started with --expose-gc), and a second passes so that the
 * baseline is sampled.
 */
export async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  console.log(`waybill-bench: ${name} starts`);
  try {
    return await work();
  } finally {
    console.log(`waybill-bench: ${name} ends`);
  }
}
