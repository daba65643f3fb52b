/**
 * Designations against time: whether a designation is current or past as of a snapshot's date, and
 * how many distinct shipments fall inside its period ("10 of 13 shipments inside the consignee's
 * designation period (from 2022-03-15)").
 */
import type { Designation } from './ftm';
import {
  dayRange,
  periodEndedBy,
  periodText,
  periodDays,
  placeInDays,
  placeInPeriod,
  type PartialDate,
  type Period,
} from './partialDate';

/** As of the snapshot's date: listed, or formerly listed (delisted before it). */
export type DesignationStatus = 'listed' | 'formerly listed';

export function designationStatus(designation: Designation, asOf: PartialDate): DesignationStatus {
  return periodEndedBy(designation, dayRange(asOf).first) ? 'formerly listed' : 'listed';
}

export type PeriodCount = {
  designationId: string;
  lists: string[];
  period: string;
  status: DesignationStatus;
  /** Distinct shipments certainly inside the period. */
  inside: number;
  /** Distinct shipments within the month or year a partial date leaves open: not counted inside. */
  uncertain: number;
  shipments: number;
};

/** For each designation, the distinct shipments (their days since 1970) inside its period. */
export function countInPeriods(
  shipmentDays: readonly number[],
  designations: readonly Designation[],
  asOf: PartialDate,
): PeriodCount[] {
  return designations.map((designation) => {
    let inside = 0;
    let uncertain = 0;
    const days = periodDays(designation);
    for (const day of shipmentDays) {
      const place = placeInDays(day, days);
      if (place === 'inside') inside += 1;
      else if (place === 'uncertain') uncertain += 1;
    }
    return {
      designationId: designation.id,
      lists: designation.lists,
      period: periodText(designation),
      status: designationStatus(designation, asOf),
      inside,
      uncertain,
      shipments: shipmentDays.length,
    };
  });
}

/**
 * A calendar month (`YYYY-MM`) against a designation's period: `inside` when every day of it is
 * certainly inside, `partly` when only part of it is or a partial date leaves it open, `outside`
 * when none of it can be.
 */
export function monthInPeriod(month: string, period: Period): 'inside' | 'partly' | 'outside' {
  const { first, last } = dayRange(month);
  if (placeInPeriod(first, period) === 'inside' && placeInPeriod(last, period) === 'inside')
    return 'inside';
  const start = period.start ? dayRange(period.start).first : -Infinity;
  const end = period.end ? dayRange(period.end).last : Infinity;
  return start <= last && end >= first ? 'partly' : 'outside';
}

/** A distinct shipment as a designation's figure counts it: its day and its resolved parties. */
export type PartyShipment = { day: number; shipper: string; consignee: string };

/** The designated party's part in the shipments counted: always one, or both in turn. */
type PartyRole = 'shipper' | 'consignee' | 'party';

export type DesignationFigure = Omit<PeriodCount, 'designationId' | 'lists'> & { role: PartyRole };

/**
 * The figure a claim states for a designation it cites: of the claim's distinct shipments with the
 * designated party (`party`: its resolved id, as the shipments give theirs) as shipper or
 * consignee, how many fall inside the designation's period, and how many within a month or year
 * its partial date leaves open.
 */
export function designationFigure(
  shipments: readonly PartyShipment[],
  party: string,
  designation: Designation,
  asOf: PartialDate,
): DesignationFigure {
  // A shipment without a day is none of the period's business (it cannot be placed in it).
  const involved = party
    ? shipments.filter(
        (shipment) =>
          Number.isFinite(shipment.day) &&
          (shipment.shipper === party || shipment.consignee === party),
      )
    : [];
  const shipper = involved.some((shipment) => shipment.shipper === party);
  const consignee = involved.some((shipment) => shipment.consignee === party);
  const [count] = countInPeriods(
    involved.map((shipment) => shipment.day),
    [designation],
    asOf,
  );
  const { designationId: _id, lists: _lists, ...figure } = count;
  return { ...figure, role: shipper === consignee ? 'party' : shipper ? 'shipper' : 'consignee' };
}

const roleWords: Record<PartyRole, string> = {
  shipper: 'the shipper’s',
  consignee: 'the consignee’s',
  party: 'the designated party’s',
};

/** "10 of 13 shipments inside the consignee's designation period (from 2022-03-15)". */
export function figureText(figure: DesignationFigure): string {
  if (figure.shipments === 0)
    return 'None of the claim’s shipments has the designated party as shipper or consignee.';
  const shipments = figure.shipments === 1 ? 'shipment' : 'shipments';
  const past = figure.status === 'formerly listed' ? ', a past designation' : '';
  const open =
    figure.uncertain > 0
      ? `; ${figure.uncertain} more in the month or year its date leaves open, not counted`
      : '';
  return `${figure.inside} of ${figure.shipments} ${shipments} inside ${roleWords[figure.role]} designation period (${figure.period}${past})${open}.`;
}
