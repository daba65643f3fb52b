import { describe, expect, it } from 'vitest';
import { buildBlock } from '../../../shared/customs/blocks';
import type { Dataset } from '../../../shared/customs/dataset';
import {
  COUNTERPARTIES_LISTED,
  entityProfile,
  type EntityProfile,
} from '../../../shared/customs/entityProfile';
import { isoMonth, monthFromDays } from '../../../shared/customs/dates';
import { shipmentKey, type ShipmentColumnsView } from '../../../shared/customs/shipmentIndex';
import { seededRandom } from '../../../scripts/seededRandom';
import { partyKey } from '../../../shared/customs/partyKey';
import { ShipmentIndex } from '../../../shared/customs/shipmentIndex';
import { implicitEntityId } from '../../../shared/entities/entity';
import { PartyResolution } from '../../../shared/entities/resolution';
import { shipment } from '../shipmentRows';

const dataset = (id: string) => ({ id, fileName: `${id}.csv`, importedAt: 0 }) as Dataset;

/** A row of `from` shipping to `to` on `date` (days since 1970), worth `value` in `currency`. */
const row = (
  line: number,
  from: string,
  to: string,
  date: number,
  value: number,
  currency = 'USD',
) => shipment(line, { shipper: from, consignee: to, date, value, currency });

describe('an entity’s profile', () => {
  it('counts rows and shipments, totals each counterparty by currency and tallies months', () => {
    const index = new ShipmentIndex(
      [dataset('a'), dataset('b')],
      [
        buildBlock('a', 0, [
          row(2, 'Alpha LLC', 'Beta JSC', 19_000, 100),
          row(3, 'Alpha LLC', 'Beta JSC', 19_001, 200, 'EUR'),
          row(4, 'Alpha LLC', 'Gamma AG', 19_040, Number.NaN),
          row(5, 'Beta JSC', 'Alpha LLC', 19_041, 50),
        ]).block,
        buildBlock('b', 0, [
          // The same shipment as a's line 2, reported by another dataset: one shipment, two rows.
          row(2, 'Alpha LLC', 'Beta JSC', 19_000, 100),
          row(3, 'Alpha LLC', 'Beta JSC', 19_002, 300),
          row(4, 'Alpha LLC', 'Epsilon SA', 19_070, 500),
          row(5, 'Alpha LLC', 'Delta BV', 19_071, 500),
        ]).block,
      ],
      8,
    );
    index.resolve(new PartyResolution([]));
    const id = (name: string) => implicitEntityId(partyKey(name));
    const profile = entityProfile(
      index.view(),
      index.entityNumberOf(id('Alpha LLC')),
      () => undefined,
    );
    expect(profile).toEqual({
      id: id('Alpha LLC'),
      spellings: [{ spelling: 'Alpha LLC', aliasKey: partyKey('Alpha LLC'), shipments: 8 }],
      asShipper: 7,
      asConsignee: 1,
      shipmentsAsShipper: 6,
      shipmentsAsConsignee: 1,
      counterpartyCount: 4,
      // By rows, then by the largest total; Epsilon and Delta tie on both, and stay as met.
      counterparties: [
        {
          id: id('Beta JSC'),
          name: 'Beta JSC',
          shipments: 5,
          valueByCurrency: [
            { currency: 'USD', total: 550 },
            { currency: 'EUR', total: 200 },
          ],
        },
        {
          id: id('Epsilon SA'),
          name: 'Epsilon SA',
          shipments: 1,
          valueByCurrency: [{ currency: 'USD', total: 500 }],
        },
        {
          id: id('Delta BV'),
          name: 'Delta BV',
          shipments: 1,
          valueByCurrency: [{ currency: 'USD', total: 500 }],
        },
        { id: id('Gamma AG'), name: 'Gamma AG', shipments: 1, valueByCurrency: [] },
      ],
      months: [
        { month: '2022-01', asShipper: 4, asConsignee: 0 },
        { month: '2022-02', asShipper: 1, asConsignee: 1 },
        { month: '2022-03', asShipper: 2, asConsignee: 0 },
      ],
    });
  });

  it('agrees with a plain count of every row, on random trade between a few parties', () => {
    const random = seededRandom(5);
    const parties = ['Alpha LLC', 'ALPHA L.L.C.', 'Beta JSC', 'Gamma AG', 'Delta BV'];
    const others = Array.from({ length: 40 }, (_, at) => `Other ${at} Ltd`);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const a = Array.from({ length: 3000 }, (_, at) =>
      row(
        at + 2,
        random() < 0.4 ? pick(parties) : pick(others),
        random() < 0.4 ? pick(parties) : pick(others),
        // Months with none between them: two years apart, and one year.
        pick([18_000, 18_030, 18_800, 19_500]) + Math.floor(random() * 20),
        random() < 0.1 ? Number.NaN : Math.floor(random() * 1000),
        pick(['USD', 'EUR', 'CNY']),
      ),
    );
    // Some of a's rows again in b: the same shipments, matched into groups.
    const b = a
      .filter(() => random() < 0.2)
      .map((shipment, at) => ({ ...shipment, rowNumber: at + 2 }));
    const index = new ShipmentIndex(
      [dataset('a'), dataset('b')],
      [buildBlock('a', 0, a).block, buildBlock('b', 0, b).block],
      a.length + b.length,
    );
    // Both spellings of Alpha one entity, as a user would group them.
    index.resolve(
      new PartyResolution([
        {
          id: 'alpha',
          aliasKeys: [partyKey('Alpha LLC'), partyKey('ALPHA L.L.C.')],
          formerIds: [],
        },
      ]),
    );
    const view = index.view();
    expect(view.groupStart.length).toBeGreaterThan(1);
    for (const name of ['Alpha LLC', 'Beta JSC', 'Other 3 Ltd']) {
      const entity = view.partyEntity[view.parties.indexOf(name)];
      const profile = entityProfile(view, entity, () => undefined);
      expect(profile).toEqual(plainProfile(view, entity, profile));
      expect(profile.counterparties.length).toBe(
        Math.min(COUNTERPARTIES_LISTED, profile.counterpartyCount),
      );
    }
  });
});

/**
 * The profile by the plainest count: a Map or Set a figure, every row looked at. Names are taken
 * from `shown` (naming is not what this checks).
 */
function plainProfile(view: ShipmentColumnsView, entity: number, shown: EntityProfile) {
  const mine = (party: number) => view.partyEntity[party] === entity;
  const spellings = new Map<number, number>();
  const shipments = { shipper: new Set<number>(), consignee: new Set<number>() };
  const rows = { shipper: 0, consignee: 0 };
  const months = new Map<number, { asShipper: number; asConsignee: number }>();
  const others = new Map<number, { shipments: number; totals: Map<number, number> }>();
  for (let row = 0; row < view.count; row += 1) {
    const [shipper, consignee] = [view.shipper[row], view.consignee[row]];
    if (!mine(shipper) && !mine(consignee)) continue;
    const month = months.get(monthFromDays(view.date[row])) ?? { asShipper: 0, asConsignee: 0 };
    months.set(monthFromDays(view.date[row]), month);
    for (const [party, role] of [
      [shipper, 'shipper'],
      [consignee, 'consignee'],
    ] as const) {
      if (!mine(party)) continue;
      rows[role] += 1;
      shipments[role].add(shipmentKey(view, row));
      if (role === 'shipper') month.asShipper += 1;
      else month.asConsignee += 1;
    }
    for (const party of new Set([shipper, consignee]))
      if (mine(party)) spellings.set(party, (spellings.get(party) ?? 0) + 1);
    const other = view.partyEntity[mine(shipper) ? consignee : shipper];
    if (other < 0 || other === entity) continue;
    const tally = others.get(other) ?? { shipments: 0, totals: new Map<number, number>() };
    others.set(other, tally);
    tally.shipments += 1;
    if (!Number.isNaN(view.value[row]))
      tally.totals.set(
        view.currency[row],
        (tally.totals.get(view.currency[row]) ?? 0) + view.value[row],
      );
  }
  const largest = (other: number) => Math.max(0, ...others.get(other)!.totals.values());
  return {
    id: view.entityIds[entity],
    spellings: [...spellings]
      .map(([party, count]) => ({
        spelling: view.parties[party],
        aliasKey: view.partyKeys[party],
        shipments: count,
      }))
      .sort((a, b) => b.shipments - a.shipments || a.spelling.localeCompare(b.spelling)),
    asShipper: rows.shipper,
    asConsignee: rows.consignee,
    shipmentsAsShipper: shipments.shipper.size,
    shipmentsAsConsignee: shipments.consignee.size,
    counterpartyCount: others.size,
    counterparties: [...others.keys()]
      .sort(
        (a, b) => others.get(b)!.shipments - others.get(a)!.shipments || largest(b) - largest(a),
      )
      .slice(0, COUNTERPARTIES_LISTED)
      .map((other, at) => ({
        id: view.entityIds[other],
        name: shown.counterparties[at]?.name,
        shipments: others.get(other)!.shipments,
        valueByCurrency: [...others.get(other)!.totals].map(([currency, total]) => ({
          currency: view.currencies[currency],
          total,
        })),
      })),
    months: [...months]
      .sort(([x], [y]) => x - y)
      .map(([month, tally]) => ({ month: isoMonth(month), ...tally })),
  };
}
