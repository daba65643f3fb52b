import { describe, expect, it } from 'vitest';
import { datasetLabels } from '../../../shared/customs/datasetLabel';

const at = (iso: string) => new Date(iso).getTime();

describe('dataset labels', () => {
  it('are the given name, else the file name, told apart by import day, then minute', () => {
    const labels = datasetLabels([
      { id: 'a', fileName: 'export.csv', importedAt: at('2026-11-02T09:15:00') },
      { id: 'b', fileName: 'export.csv', importedAt: at('2026-11-20T10:00:00') },
      { id: 'c', fileName: 'export.csv', importedAt: at('2026-11-20T16:45:00') },
      {
        id: 'd',
        fileName: 'export.csv',
        importedAt: at('2026-11-21T08:00:00'),
        displayName: ' Vendor B, 2022 ',
      },
      { id: 'e', fileName: 'other.tsv', importedAt: at('2026-11-21T08:00:00') },
      {
        id: 'f',
        fileName: 'renamed.csv',
        importedAt: at('2026-11-21T08:00:00'),
        displayName: '   ',
      },
    ]);
    expect(Object.fromEntries(labels)).toEqual({
      a: 'export.csv (imported 2026-11-02)',
      b: 'export.csv (imported 2026-11-20 10:00)',
      c: 'export.csv (imported 2026-11-20 16:45)',
      d: 'Vendor B, 2022',
      e: 'other.tsv',
      f: 'renamed.csv',
    });
  });

  it('tell apart two datasets given the same name', () => {
    const labels = datasetLabels([
      { id: 'a', fileName: 'x.csv', importedAt: at('2026-01-01T00:00:00'), displayName: 'Vendor' },
      { id: 'b', fileName: 'y.csv', importedAt: at('2026-01-02T00:00:00'), displayName: 'Vendor' },
    ]);
    expect([...labels.values()]).toEqual([
      'Vendor (imported 2026-01-01)',
      'Vendor (imported 2026-01-02)',
    ]);
  });
});
