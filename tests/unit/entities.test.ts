import { describe, expect, it } from 'vitest';
import { partyKey } from '../../shared/customs/partyKey';
import { implicitEntityId, type Entity } from '../../shared/entities/entity';
import { PartyResolution } from '../../shared/entities/resolution';
import {
  looseKey,
  singular,
  suggestGroups,
  withinOneEdit,
} from '../../shared/entities/suggestions';

const entity = (id: string, aliasKeys: string[], formerIds: string[] = []) =>
  ({ id, aliasKeys, formerIds }) as Pick<Entity, 'id' | 'aliasKeys' | 'formerIds'>;

describe('alias keys', () => {
  it.each([
    // Legal forms in English and Russian, before or after the name, in Latin or Cyrillic.
    ['LLC SIBTRADE', 'SIBTRADE'],
    ['OOO AVTOKOMPONENT', 'AVTOKOMPONENT'],
    ['ООО "ДАЛЬТРАНС"', 'DALTRANS'],
    ['JSC UNITED ENGINE CORPORATION', 'UNITED ENGINE'],
    [
      'АО "ОБЪЕДИНЕННАЯ ДВИГАТЕЛЕСТРОИТЕЛЬНАЯ КОРПОРАЦИЯ"',
      'OBEDINENNAYA DVIGATELESTROITELNAYA KORPORATSIYA',
    ],
    ['ОАО «Уралмаш»', 'URALMASH'],
    ['ПАО "Аэрофлот"', 'AEROFLOT'],
    ['POLY TECHNOLOGIES INCORPORATED', 'POLY TECHNOLOGIES'],
    ['Poly Technologies, Inc.', 'POLY TECHNOLOGIES'],
    ['HEBEI JINGYE STEEL PIPE CO LTD', 'HEBEI JINGYE STEEL PIPE'],
    ['NINGBO ORIENT MACHINERY CO., LTD.', 'NINGBO ORIENT MACHINERY'],
    ['AVIC INTL HOLDING CORP', 'AVIC INTL HOLDING'],
    // Case, punctuation and quotes go; hyphens become spaces.
    ['JSC ULAN-UDE AVIATION PLANT', 'ULAN UDE AVIATION PLANT'],
    ['ulan ude aviation plant jsc', 'ULAN UDE AVIATION PLANT'],
    ['U-UAP JSC', 'U UAP'],
    // Cyrillic is transliterated, so a Latin spelling of a Russian name meets its Cyrillic form.
    ['АО "УЛАН-УДЭНСКИЙ АВИАЦИОННЫЙ ЗАВОД"', 'ULAN UDENSKIY AVIATSIONNYY ZAVOD'],
    ['ULAN-UDENSKIY AVIATSIONNYY ZAVOD AO', 'ULAN UDENSKIY AVIATSIONNYY ZAVOD'],
    ['ООО «Восток-Импорт»', 'VOSTOK IMPORT'],
  ])('%s → %s', (raw, key) => {
    expect(partyKey(raw)).toBe(key);
  });
});

describe('grouping suggestions', () => {
  it('fold plural endings and spaces', () => {
    expect(singular('TECHNOLOGIES')).toBe('TECHNOLOGY');
    expect(singular('PARTS')).toBe('PART');
    expect(singular('GLASS')).toBe('GLASS');
    expect(looseKey('POLY TECHNOLOGIES')).toBe(looseKey('POLY TECHNOLOGY'));
    expect(looseKey('ULAN UDE')).toBe(looseKey('ULANUDE'));
  });

  it('allow one typing slip', () => {
    expect(withinOneEdit('POLYTECHNOLOGY', 'POLYTECHNOLGY')).toBe(true);
    expect(withinOneEdit('POLYTECHNOLOGY', 'POLYTECHNOLOGX')).toBe(true);
    expect(withinOneEdit('POLYTECHNOLOGY', 'POLITECHNOLGY')).toBe(false);
  });

  const keys = [
    'POLY TECHNOLOGIES',
    'POLY TECHNOLOGY',
    'ULAN UDE AVIATION PLANT',
    'ULAN UDENSKIY AVIATSIONNYY ZAVOD',
    'U UAP',
    'SHENZHEN HUAXING ELECTRONICS',
    'SHENZHEN HUAXING ELECTRONIC',
    'SIBTRADE',
    'SIBTRADES',
  ];

  it('group look-alike spellings, and leave translations and abbreviations to the user', () => {
    const suggestions = suggestGroups(keys, new PartyResolution([]), new Set());
    expect(suggestions.map((suggestion) => suggestion.keys)).toEqual([
      ['POLY TECHNOLOGIES', 'POLY TECHNOLOGY'],
      ['SHENZHEN HUAXING ELECTRONIC', 'SHENZHEN HUAXING ELECTRONICS'],
      // Short names get the plural rule only: SIBTRADE/SIBTRADES are plural-alike.
      ['SIBTRADE', 'SIBTRADES'],
    ]);
    expect(suggestions[0]?.entityIds).toEqual([
      implicitEntityId('POLY TECHNOLOGIES'),
      implicitEntityId('POLY TECHNOLOGY'),
    ]);
  });

  it('are not made again once grouped or dismissed', () => {
    const merged = new PartyResolution([entity('poly', ['POLY TECHNOLOGIES', 'POLY TECHNOLOGY'])]);
    const dismissed = new Set(['SIBTRADE|SIBTRADES']);
    expect(suggestGroups(keys, merged, dismissed).map((suggestion) => suggestion.id)).toEqual([
      'SHENZHEN HUAXING ELECTRONIC|SHENZHEN HUAXING ELECTRONICS',
    ]);
  });
});

describe('party resolution', () => {
  const resolution = new PartyResolution([
    entity('plant', ['ULAN UDE AVIATION PLANT', 'U UAP'], ['absorbed']),
  ]);

  it('sends grouped keys to their entity and lone keys to their own', () => {
    expect(resolution.entityOf('U UAP')).toBe('plant');
    expect(resolution.entityOf('SIBTRADE')).toBe(implicitEntityId('SIBTRADE'));
  });

  it('follows ids recorded before a merge, and knows when an entity is gone', () => {
    expect(resolution.currentId('absorbed')).toBe('plant');
    expect(resolution.currentId(implicitEntityId('U UAP'))).toBe('plant');
    expect(resolution.currentId(implicitEntityId('SIBTRADE'))).toBe(implicitEntityId('SIBTRADE'));
    expect(resolution.currentId('split-up')).toBeNull();
  });
});
