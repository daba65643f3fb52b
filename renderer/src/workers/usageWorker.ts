/**
 * Measures the space investigations take (db/databaseUsage.ts) off the page's thread: reading a
 * case of a million shipments takes seconds.
 */
import * as Comlink from 'comlink';
import { measureDatabase } from '../db/databaseUsage';

const api = {
  /**
   * The bytes of each group of databases (an investigation's), in order; `onProgress` hears which
   * group is being read and how many of its records have been.
   */
  async measure(
    groups: readonly (readonly string[])[],
    onProgress: (group: number, records: number) => void,
  ): Promise<number[]> {
    const sizes: number[] = [];
    for (const [group, names] of groups.entries()) {
      let bytes = 0;
      let records = 0;
      for (const name of names) {
        const measured = await measureDatabase(name, (read) => onProgress(group, records + read));
        bytes += measured.bytes;
        records += measured.records;
      }
      sizes.push(bytes);
    }
    return sizes;
  },
};

export type UsageWorkerApi = typeof api;

Comlink.expose(api);
