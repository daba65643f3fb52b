import { describe, expect, it } from 'vitest';
import { buildBlock } from '../../../shared/customs/blocks';
import type { Dataset } from '../../../shared/customs/dataset';
import { entityProfile } from '../../../shared/customs/entityProfile';
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
});
