/**
 * What changed for a listed party between two snapshots of the lists: designations the newer one
 * adds, designations it no longer lists (delisted between the two snapshots' dates: real lists end
 * a listing by leaving it out), and designations both list where the newer gives an end the older
 * did not. Designations are told apart by their id, which OpenSanctions keeps from one export to
 * the next.
 */
import type { Designation } from './ftm';

export type DesignationChange = {
  kind: 'new' | 'no longer listed' | 'ended';
  designation: Designation;
};

export function compareDesignations(
  older: readonly Designation[],
  newer: readonly Designation[],
): DesignationChange[] {
  const before = new Map(older.map((designation) => [designation.id, designation]));
  const after = new Map(newer.map((designation) => [designation.id, designation]));
  const changes: DesignationChange[] = [];
  for (const designation of newer) {
    const earlier = before.get(designation.id);
    if (!earlier) changes.push({ kind: 'new', designation });
    else if (designation.end && !earlier.end) changes.push({ kind: 'ended', designation });
  }
  for (const designation of older)
    if (!after.has(designation.id)) changes.push({ kind: 'no longer listed', designation });
  return changes;
}
