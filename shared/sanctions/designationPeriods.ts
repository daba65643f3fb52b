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
  placeInPeriod,
  type PartialDate,
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
    for (const day of shipmentDays) {
      const place = placeInPeriod(day, designation);
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
