import { useEffect, useState } from 'react';
import { compareDesignations, type DesignationChange } from '#shared/sanctions/compareSnapshots';
import { periodText } from '#shared/sanctions/partialDate';
import type { SanctionsSnapshot } from '#shared/sanctions/snapshot';
import { snapshotTargets } from '../../case/sanctions/snapshots';

type Change = DesignationChange & { caption: string };

function changeText(change: Change, older: SanctionsSnapshot, newer: SanctionsSnapshot): string {
  const { designation } = change;
  const what = `${designation.lists.join(', ') || 'a list'} ${periodText(designation)}`;
  switch (change.kind) {
    case 'new':
      return `${change.caption}: newly listed on ${what}`;
    case 'ended':
      return `${change.caption}: delisted, on ${what}`;
    case 'no longer listed':
      return `${change.caption}: no longer listed on ${what} (delisted between ${older.date} and ${newer.date})`;
  }
}

/**
 * What changed, between an older snapshot and a newer one, for the listed parties an entity (or,
 * `case`, any entity of the case) is matched with (confirmed, or by identifier): new designations,
 * ended ones, and those the newer snapshot no longer lists.
 */
export function SnapshotChanges(props: {
  older: SanctionsSnapshot;
  newer: SanctionsSnapshot;
  targetIds: readonly string[];
  scope?: 'entity' | 'case';
}) {
  const { older, newer } = props;
  const key = JSON.stringify([older.id, newer.id, props.targetIds]);
  const [changes, setChanges] = useState<{ key: string; list: Change[] } | null>(null);

  useEffect(() => {
    let live = true;
    const ids = (JSON.parse(key) as [string, string, string[]])[2];
    void Promise.all([snapshotTargets(older.id, ids), snapshotTargets(newer.id, ids)]).then(
      ([before, after]) => {
        const list = ids.flatMap((id) => {
          const earlier = before.find((target) => target.id === id);
          const later = after.find((target) => target.id === id);
          const caption = later?.caption ?? earlier?.caption ?? id;
          return compareDesignations(earlier?.designations ?? [], later?.designations ?? []).map(
            (change) => ({ ...change, caption }),
          );
        });
        if (live) setChanges({ key, list });
      },
    );
    return () => {
      live = false;
    };
  }, [key, older.id, newer.id]);

  const forCase = props.scope === 'case';
  const title = forCase
    ? `The case’s matches, from ${older.fileName} of ${older.date} to ${newer.fileName} of ${newer.date}`
    : `Since ${older.fileName} of ${older.date}`;
  if (!changes || changes.key !== key)
    return <p aria-busy="true">Comparing with {older.fileName}…</p>;
  if (changes.list.length === 0)
    return (
      <p>
        {title}: no change for the listed parties{' '}
        {forCase ? 'the case’s entities are' : 'this entity is'} matched with.
      </p>
    );
  return (
    <ul aria-label={title}>
      {changes.list.map((change) => (
        <li key={`${change.kind}-${change.designation.id}`}>{changeText(change, older, newer)}</li>
      ))}
    </ul>
  );
}
