import { describe, expect, it } from 'vitest';
import { investigationDb } from '../../../renderer/src/db/databases';
import {
  dismissSuggestion,
  mergeEntities,
  saveEntity,
  splitSpelling,
} from '../../../renderer/src/case/entities/entityMutations';
import { createInvestigation } from '../../../renderer/src/features/investigations/investigationMutations';
import { implicitEntityId } from '../../../shared/entities/entity';
import { PartyResolution } from '../../../shared/entities/resolution';

describe('entity decisions', () => {
  it('merge lone spellings and stored entities; ids named before a merge lead to the survivor', async () => {
    const db = investigationDb(await createInvestigation('Entities'));
    const first = await mergeEntities(
      db,
      [implicitEntityId('ULAN UDE AVIATION PLANT'), implicitEntityId('U UAP')],
      'Plant',
    );
    const second = await mergeEntities(
      db,
      [implicitEntityId('ULAN UDENSKIY AVIATSIONNYY ZAVOD'), implicitEntityId('UUAZ')],
      'Завод',
    );
    const survivor = await mergeEntities(db, [first, second], 'Ulan-Ude Aviation Plant');
    expect(survivor).toBe(first);
    const stored = await db.entities.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      name: 'Ulan-Ude Aviation Plant',
      formerIds: [second],
    });
    expect(stored[0]?.aliasKeys.sort()).toEqual([
      'U UAP',
      'ULAN UDE AVIATION PLANT',
      'ULAN UDENSKIY AVIATSIONNYY ZAVOD',
      'UUAZ',
    ]);
    const resolution = new PartyResolution(stored);
    expect(resolution.currentId(second)).toBe(first);
    const logOf = (id: string) => db.audit.where('[table+recordId]').equals(['entities', id]);
    expect((await logOf(first).toArray()).map((entry) => entry.action)).toEqual([
      'create',
      'update',
    ]);
    expect((await logOf(second).last())?.after).toEqual({ mergedInto: first });
    await expect(mergeEntities(db, [first], 'x')).rejects.toThrow('at least two');
  });

  it('split a spelling off, keep details, and remember a dismissed suggestion', async () => {
    const db = investigationDb(await createInvestigation('Split'));
    const id = await mergeEntities(
      db,
      [implicitEntityId('POLY TECHNOLOGIES'), implicitEntityId('POLYTECH')],
      'Poly',
    );
    await splitSpelling(db, id, 'POLYTECH');
    expect((await db.entities.get(id))?.aliasKeys).toEqual(['POLY TECHNOLOGIES']);

    // Details said of a lone spelling store it as an entity of its own.
    const saved = await saveEntity(db, implicitEntityId('SIBTRADE'), {
      name: 'Sibtrade LLC',
      kind: 'company',
      country: 'RU',
      identifiers: [{ scheme: 'INN', value: '5400000000' }],
      flags: [{ label: 'sanctioned', by: 'OFAC', since: '2023-05-19', excerptId: '' }],
    });
    expect(await db.entities.get(saved)).toMatchObject({ aliasKeys: ['SIBTRADE'], country: 'RU' });
    expect(new PartyResolution(await db.entities.toArray()).entityOf('SIBTRADE')).toBe(saved);

    await dismissSuggestion(db, { id: 'A|B', keys: ['A', 'B'], entityIds: [] });
    expect(await db.suggestionDismissals.get('A|B')).toMatchObject({ keys: ['A', 'B'] });
  });
});
