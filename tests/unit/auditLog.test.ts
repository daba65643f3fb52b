import { describe, expect, it } from 'vitest';
import {
  auditCsv,
  auditJson,
  auditRow,
  emptyAuditFilter,
  filterAudit,
} from '../../shared/audit/auditLog';
import type { AuditEntry } from '../../shared/investigation';

const at = (day: string, hour = 12) =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:00:00`).getTime();

const entries: AuditEntry[] = [
  {
    id: 1,
    at: at('2026-11-02'),
    table: 'claims',
    recordId: 'c1',
    action: 'update',
    before: { statusId: 's1', statusName: 'Draft' },
    after: { statusId: 's2', statusName: 'Verified' },
    reason: 'Seen in the notice.',
    by: 'Ana Reporter',
  },
  {
    id: 2,
    at: at('2026-11-03'),
    table: 'exports',
    recordId: 'case-full.zip',
    action: 'create',
    before: null,
    after: {
      format: 'package',
      profile: 'full',
      claims: 3,
      sha256: 'a'.repeat(64),
      confidentialNameCheck: { hits: 0, files: 5, clearedByUser: 1 },
    },
  },
  {
    id: 3,
    at: at('2026-11-04'),
    table: 'statuses',
    recordId: 's3',
    action: 'update',
    before: { rule: undefined },
    after: { rule: { minSupporting: 0, minOrigins: 2 } },
  },
  {
    id: 4,
    at: at('2026-11-04', 23),
    table: 'notes',
    recordId: 'n1',
    action: 'create',
    before: null,
    after: { title: '=HYPERLINK("x")' },
  },
];

const label = (kind: string, id: string) =>
  kind === 'claims' && id === 'c1' ? 'A claim' : undefined;

describe('the audit log, readable', () => {
  it('says what each entry changed, in words', () => {
    expect(entries.map((entry) => auditRow(entry, label))).toMatchObject([
      {
        kind: 'claims',
        record: 'A claim',
        action: 'changed',
        change: 'Status: Draft → Verified',
        reason: 'Seen in the notice.',
      },
      {
        kind: 'exports',
        record: 'case-full.zip',
        action: 'created',
        change: `package (full profile), 3 claims; SHA-256 ${'a'.repeat(64)}; confidential-name check: 0 hits in 5 files, 1 cleared by the user`,
      },
      { record: 's3', change: 'rule: (none) → {"minSupporting":0,"minOrigins":2}' },
      { change: 'title: “=HYPERLINK("x")”' },
    ]);
  });

  it('filters by kind, claim and calendar day, both ends included', () => {
    const ids = (filter: Partial<typeof emptyAuditFilter>) =>
      filterAudit(entries, { ...emptyAuditFilter, ...filter }).map((entry) => entry.id);
    expect(ids({})).toEqual([1, 2, 3, 4]);
    expect(ids({ kind: 'exports' })).toEqual([2]);
    expect(ids({ claimId: 'c1' })).toEqual([1]);
    expect(ids({ from: '2026-11-03', to: '2026-11-04' })).toEqual([2, 3, 4]);
    expect(ids({ to: '2026-11-02' })).toEqual([1]);
  });

  it('exports CSV with every cell formula-neutralised, and JSON with the stored fields', () => {
    const rows = entries.map((entry) => auditRow(entry, label));
    const csv = auditCsv(rows);
    expect(csv.split('\r\n')[0]).toBe(
      '"time","kind","record","action","change","reason","by","recordId"',
    );
    // Who made a change, where the user gave their name.
    expect(csv.split('\r\n')[1]).toContain('"Seen in the notice.","Ana Reporter"');
    expect(csv).toContain('"Export","case-full.zip","created"');
    expect(csv).not.toMatch(/(^|,)"=/m);
    const json = JSON.parse(
      auditJson(rows, new Map(entries.map((entry) => [entry.id!, entry]))),
    ) as {
      entries: { id: number; after: unknown }[];
    };
    expect(json.entries.map((entry) => entry.id)).toEqual([1, 2, 3, 4]);
    expect(json.entries[1].after).toMatchObject({ sha256: 'a'.repeat(64) });
  });
});
