/**
 * Where the CPU went while a benchmark part ran, thread by thread, from /proc (Linux): every thread
 * of one Chromium, its workers included. A worker's thread ends with its job, so threads are
 * sampled while the part runs and each counted as last seen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromiumProcesses } from './benchMemory';

/** Clock ticks a second, as /proc counts them (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;
const SAMPLE_MS = 250;

/** A thread's CPU time so far, and its time runnable but waiting for a core (null if unknown). */
type Thread = { process: string; name: string; ms: number; waitMs: number | null };

/** Time a thread has waited on a run queue, from schedstat (kernels with scheduler statistics). */
function runQueueWaitMs(pid: number, tid: string): number | null {
  try {
    const [, waitNs] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ');
    return Number(waitNs) / 1e6;
  } catch {
    return null;
  }
}

/** Each thread's CPU time so far (user and system), by `pid/tid`. */
function threadTimes(profile: string): Map<string, Thread> {
  const threads = new Map<string, Thread>();
  for (const [pid, type] of chromiumProcesses(profile)) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        threads.set(`${pid}/${tid}`, {
          process: type,
          name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
          ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND,
          waitMs: runQueueWaitMs(pid, tid),
        });
      } catch {
        // The thread ended while we looked.
      }
    }
  }
  return threads;
}

export type CpuUse = {
  wallMs: number;
  /** Each worker thread's CPU time, largest first. */
  workers: number[];
  /**
   * How long the busiest worker was ready to run but waited for a core (other threads had them
   * all), if the kernel says.
   */
  busiestWaitMs: number | null;
  /** The page's process less its workers: its main thread, V8's garbage collection and compiling. */
  pageRest: number;
  /** Every other process: the browser's (IndexedDB, files, messages), the GPU's, utilities'. */
  elsewhere: number;
};

/** Starts sampling the threads of the Chromium started on `profile`; `stop` gives what each used. */
export function sampleCpu(profile: string): { stop(): CpuUse } {
  const started = Date.now();
  const before = threadTimes(profile);
  const last = new Map(before);
  const sample = () => {
    for (const [key, thread] of threadTimes(profile)) last.set(key, thread);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const use: CpuUse = {
        wallMs: Date.now() - started,
        workers: [],
        busiestWaitMs: null,
        pageRest: 0,
        elsewhere: 0,
      };
      let busiest = -1;
      for (const [key, thread] of last) {
        const earlier = before.get(key);
        const ms = thread.ms - (earlier?.ms ?? 0);
        if (thread.process !== 'renderer') use.elsewhere += ms;
        else if (thread.name.startsWith('DedicatedWorker')) {
          use.workers.push(ms);
          if (ms > busiest) {
            busiest = ms;
            use.busiestWaitMs =
              thread.waitMs === null ? null : thread.waitMs - (earlier?.waitMs ?? 0);
          }
        } else use.pageRest += ms;
      }
      use.workers.sort((a, b) => b - a);
      return use;
    },
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Every thread's CPU time together. */
const totalCpu = (use: CpuUse): number =>
  use.workers.reduce((sum, ms) => sum + ms, 0) + use.pageRest + use.elsewhere;

/**
 * The least time the work measured could take on this machine: its CPU time spread over every
 * core, none ever idle (what perfect overlap of its threads would reach), and no less than its
 * busiest worker's own CPU time (a thread's work does not spread).
 */
const leastWallMs = (use: CpuUse): number =>
  Math.max(totalCpu(use) / cpus().length, ...use.workers);

/** Where `leastWallMs` comes from, in words. */
const leastWallWords = (use: CpuUse) =>
  `this much CPU takes ${seconds(totalCpu(use) / cpus().length)} on this machine's cores with none ever idle, its busiest worker ${seconds(Math.max(0, ...use.workers))} on one`;

/**
 * How fast `work` could go, to the ratio of its floor (`floorMs`), were the CPU measured spread over
 * every core with none ever idle, its busiest worker never waiting: the most that overlapping its
 * threads better could reach.
 */
export const describeBestRatio = (use: CpuUse, work: string, floor: string, floorMs: number) =>
  `${leastWallWords(use)}: ${work} could at best reach ${(floorMs / leastWallMs(use)).toFixed(2)}× ${floor} without doing less work`;

/** The same, for work on `bytes` whose target is a rate: the most MB/s better overlap could reach. */
export const describeBestRate = (use: CpuUse, work: string, bytes: number) =>
  `${leastWallWords(use)}: ${work} could at best reach ${(bytes / 1024 / 1024 / (leastWallMs(use) / 1000)).toFixed(0)} MB/s without doing less work`;

/** What `sampleCpu` measured, in one line (workers under 0.1 s counted, not named). */
export function describeCpu(use: CpuUse): string {
  const total = totalCpu(use);
  const workers = use.workers.filter((ms) => ms >= 100).map(seconds);
  if (workers.length > 0 && use.busiestWaitMs !== null)
    workers[0] += ` (and ${seconds(use.busiestWaitMs)} ready but waiting for a core)`;
  return [
    `${seconds(total)} in ${seconds(use.wallMs)}, ${(total / use.wallMs).toFixed(2)} of ${cpus().length} cores busy`,
    `workers ${workers.join(', ') || 'none over 0.1 s'}`,
    `the page's other threads (V8's garbage collection and compiling, the main thread) ${seconds(use.pageRest)}`,
    `the browser's and other processes (IndexedDB, files, messages between them) ${seconds(use.elsewhere)}`,
  ].join('; ');
}
