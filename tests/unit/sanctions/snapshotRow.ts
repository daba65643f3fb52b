/** A snapshot's row as the reference database keeps it, for tests that decide matches against it. */
import type { SanctionsSnapshot } from '../../../shared/sanctions/snapshot';

export const snapshotRow = (sha256: string): SanctionsSnapshot => ({
  id: 'snapshot-1',
  status: 'ready',
  fileName: 'entities.ftm.json',
  source: 'OpenSanctions',
  sha256,
  bytes: 1_000,
  date: '2024-01-15',
  dateFrom: 'last_seen',
  importedAt: 1,
  targets: 1,
  designations: 1,
  blocks: 1,
  lines: 2,
  problems: [],
  problemCount: 0,
  unmatchedSanctions: 0,
});
