/**
 * What the benchmark reads of Chromium's memory, from /proc (Linux): the renderers' resident size,
 * or the proportional set size of every process of one browser.
 */
import { readdirSync, readFileSync } from 'node:fs';

/**
 * `BENCH_MEMORY_DETAIL=1`: the archive and UI benchmarks also print, at each phase's peak, every
 * Chromium process's share and every JavaScript thread's heap and ArrayBuffers (benchHeaps.ts).
 */
export const memoryDetail = Boolean(process.env.BENCH_MEMORY_DETAIL);

/** Bytes in whole megabytes, as the benchmark prints them. */
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Each process's share, as chromiumMemoryByProcess gives it, in one line. */
export const describeProcesses = (byProcess: Record<string, number>): string =>
  Object.entries(byProcess)
    .map(([process, bytes]) => `${process} ${mb(bytes)}`)
    .join(', ');

/** Resident memory of Chromium's renderer processes (the page and its workers), in bytes. */
export function rendererMemory(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(rss?.[1] ?? 0) * 1024;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

/**
 * Memory of the Chromium started on `profile`, every process of it (browser, renderers, GPU and
 * utility processes), in bytes: the proportional set size, so that pages they share are counted
 * once, not once per process.
 */
export function chromiumMemory(profile: string): number {
  return Object.values(chromiumMemoryByProcess(profile)).reduce((sum, bytes) => sum + bytes, 0);
}

/** The same, by process: its type (`browser` for the root) and pid, to its proportional set size. */
export function chromiumMemoryByProcess(profile: string): Record<string, number> {
  const byProcess: Record<string, number> = {};
  for (const [pid, type] of chromiumProcesses(profile)) {
    try {
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      byProcess[`${type} ${pid}`] = Number(pss?.[1] ?? 0) * 1024;
    } catch {
      // The process ended while we looked.
    }
  }
  return byProcess;
}

/**
 * The processes of the Chromium started on `profile`, by pid, each with its type (`renderer`,
 * `utility`, `gpu-process`…; `browser` for the root).
 */
export function chromiumProcesses(profile: string): Map<number, string> {
  const parentOf = new Map<number, number>();
  /** Each process's type, from its command line (the browser process gives none). */
  const typeOf = new Map<number, string>();
  let root = -1;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parentOf.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const type = /--type=([\w-]+)/.exec(cmdline)?.[1];
      if (type) typeOf.set(Number(pid), type);
      if (cmdline.includes(`--user-data-dir=${profile}`)) root = root < 0 ? Number(pid) : root;
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean =>
    pid === root || (pid > 1 && parentOf.has(pid) && inTree(parentOf.get(pid)!));
  const processes = new Map<number, string>();
  for (const pid of parentOf.keys())
    if (root >= 0 && inTree(pid))
      processes.set(pid, typeOf.get(pid) ?? (pid === root ? 'browser' : 'other'));
  return processes;
}
