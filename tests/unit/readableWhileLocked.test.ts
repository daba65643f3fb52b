import { describe, expect, it } from 'vitest';
import { InvestigationDb } from '../../renderer/src/db/schema';
import {
  fieldLabel,
  partLabel,
  readableWhileLocked,
} from '../../renderer/src/features/lock/readableWhileLocked';
import { tablePlan } from '../../shared/lock/sealedRecords';

describe('what stays readable while locked', () => {
  it('has words for every part and every field the schema keeps readable or hashed', () => {
    const db = new InvestigationDb({ investigationId: 'labels' });
    for (const table of db.tables) {
      expect(partLabel(table.name), table.name).toBeDefined();
      const plan = tablePlan(
        table.name,
        { keyPath: table.schema.primKey.keyPath ?? null, autoIncrement: table.schema.primKey.auto },
        table.schema.indexes.map((index) => index.keyPath ?? null),
      );
      for (const field of [...plan.clear, ...plan.hashed])
        expect(fieldLabel(table.name, field), `${table.name}.${field}`).toBeDefined();
    }
  });

  it('keeps a note’s kind, confidentiality and date sealed, and a claim’s tags only shared', () => {
    const notes = readableWhileLocked().find((part) => part.part === 'Source notes')!;
    expect(notes).toEqual({ part: 'Source notes', clear: ['ids'], shared: [] });
    const claims = readableWhileLocked().find((part) => part.part === 'Claims')!;
    expect(claims.shared).toEqual(['tag']);
    expect(claims.clear).not.toContain('tag');
  });
});
