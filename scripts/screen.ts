/**
 * Screens the parties of customs files against a sanctions snapshot with the app's own code:
 *   npm run screen -- SNAPSHOT CUSTOMS_FILE… [--merge "A=B" …] [--date YYYY-MM-DD]
 * Prints JSON to stdout: the snapshot (hash, date, problems), for each party (its spellings grouped
 * by the party key, as the app does, and by each --merge) its candidates ranked with tier and
 * reason and whether it would be taken without confirmation, with each candidate's designation
 * periods; and, for each shipper–consignee pair where one side has a candidate, how many distinct
 * shipments (rows of several files reporting one shipment counted once, by the app's matching rule)
 * fall inside each designation period. `--merge "A=B"` groups two spellings as the user would by
 * hand. `--date` gives the snapshot's date where the file's `last_seen` should not decide it.
 * Exit 1 when the snapshot cannot be read, 2 for a customs file or an argument that cannot be used.
 */
import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isoFromDays } from '../shared/customs/dates';
import { matchShipments, partiesOfEntities } from '../shared/customs/matching';
import { partyKey } from '../shared/customs/partyKey';
import { PROBE_BYTES, probeFile } from '../shared/customs/probe';
import { readCustomsFile } from '../shared/customs/readCustomsFile';
import type { Shipment } from '../shared/customs/shipment';
import { UnreadableFileError } from '../shared/customs/unreadable';
import { countInPeriods, designationStatus } from '../shared/sanctions/designationPeriods';
import { parsePartialDate, periodText } from '../shared/sanctions/partialDate';
import { readSnapshotTargets, SnapshotRefused } from '../shared/sanctions/readSnapshot';
import { ScreeningIndex, type Candidate } from '../shared/sanctions/screening';

/** A customs file that cannot be screened (exit 2). */
class CustomsFileRefused extends Error {}

async function readShipments(file: string): Promise<Shipment[]> {
  const fileName = path.basename(file);
  const size = statSync(file).size;
  const bytes = () => readFile(file).then((buffer) => new Uint8Array(buffer));
  const head = (await bytes()).subarray(0, PROBE_BYTES);
  const source = { chunks: () => createReadStream(file, { highWaterMark: 1024 * 1024 }), bytes };
  const probe = await probeFile(fileName, head, size, bytes);
  if (probe.missingRequired.length > 0)
    throw new CustomsFileRefused(`${fileName}: no column for ${probe.missingRequired.join(', ')}`);
  if (probe.dayMonthOrder === null)
    throw new CustomsFileRefused(
      `${fileName}: its dates' day and month order cannot be told from the data (check it with npm run inspect -- ${fileName} --date-order DMY)`,
    );
  const shipments: Shipment[] = [];
  await readCustomsFile(
    source,
    fileName,
    probe,
    { ...probe, dayMonthOrder: probe.dayMonthOrder },
    {
      onBatch: (batch) => {
        shipments.push(...batch);
        return Promise.resolve();
      },
    },
  );
  return shipments;
}

/** Party keys grouped: each key alone, unless a --merge joins it with another. */
function partyGroups(keys: Iterable<string>, merges: readonly [string, string][]) {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  for (const key of keys) parent.set(key, key);
  for (const [a, b] of merges) {
    const [rootA, rootB] = [find(partyKey(a)), find(partyKey(b))];
    if (rootA !== rootB) parent.set(rootB, rootA);
  }
  return find;
}

export async function screenFiles(
  snapshotPath: string,
  customsPaths: readonly string[],
  options: { merges?: readonly [string, string][]; date?: string } = {},
) {
  const snapshot = await readSnapshotTargets(
    createReadStream(snapshotPath, { highWaterMark: 1024 * 1024 }),
    path.basename(snapshotPath),
  );
  const asOf = options.date ?? snapshot.lastSeen;
  if (!asOf)
    throw new SnapshotRefused(
      `${snapshot.fileName} gives no date (no last_seen): give the snapshot's date with --date.`,
    );
  const files = await Promise.all(
    customsPaths.map(async (file) => ({
      file: path.basename(file),
      rows: await readShipments(file),
    })),
  );

  // Parties: spellings by party key, keys joined by --merge.
  const spellingsByKey = new Map<string, Map<string, number>>();
  for (const { rows } of files)
    for (const row of rows)
      for (const [spelling, key] of [
        [row.shipper, row.shipperKey],
        [row.consignee, row.consigneeKey],
      ]) {
        if (key === '') continue;
        const spellings = spellingsByKey.get(key) ?? new Map<string, number>();
        spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1);
        spellingsByKey.set(key, spellings);
      }
  const groupOf = partyGroups(spellingsByKey.keys(), options.merges ?? []);
  const partyNumber = new Map<string, number>();
  const parties: { keys: string[]; spellings: Map<string, number> }[] = [];
  for (const [key, spellings] of spellingsByKey) {
    const root = groupOf(key);
    let number = partyNumber.get(root);
    if (number === undefined) {
      number = parties.length;
      partyNumber.set(root, number);
      parties.push({ keys: [], spellings: new Map() });
    }
    parties[number].keys.push(key);
    for (const [spelling, count] of spellings)
      parties[number].spellings.set(
        spelling,
        (parties[number].spellings.get(spelling) ?? 0) + count,
      );
  }
  const partyOfKey = (key: string) => (key === '' ? -1 : partyNumber.get(groupOf(key))!);

  const index = new ScreeningIndex(snapshot.targets);
  const targetById = new Map(snapshot.targets.map((target) => [target.id, target]));
  const nameOf = (party: number) =>
    [...parties[party].spellings.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const designationsOf = (candidate: Candidate) =>
    targetById.get(candidate.targetId)!.designations.map((designation) => ({
      id: designation.id,
      lists: designation.lists,
      authority: designation.authority,
      program: designation.program,
      start: designation.start,
      end: designation.end,
      period: periodText(designation),
      status: designationStatus(designation, asOf),
      sourceUrl: designation.sourceUrl,
    }));
  const candidatesOf = parties.map((party) =>
    index.screen({ spellings: [...party.spellings.keys()], identifiers: [] }),
  );

  // Distinct shipments: rows of different files reporting one shipment form one group.
  const rows = files.flatMap(({ rows: list }, dataset) => list.map((row) => ({ row, dataset })));
  const currencies = new Map<string, number>();
  const hsCodes = new Map<string, number>();
  const numberOf = (map: Map<string, number>, value: string) => {
    if (!map.has(value)) map.set(value, map.size);
    return map.get(value)!;
  };
  const { groupOf: shipmentGroup } = matchShipments({
    count: rows.length,
    dataset: Uint16Array.from(rows, ({ dataset }) => dataset),
    date: Int32Array.from(rows, ({ row }) => row.date),
    ...partiesOfEntities(
      Int32Array.from(rows, ({ row }) => partyOfKey(row.shipperKey)),
      Int32Array.from(rows, ({ row }) => partyOfKey(row.consigneeKey)),
    ),
    weightKg: Float64Array.from(rows, ({ row }) => row.weightKg),
    value: Float64Array.from(rows, ({ row }) => row.value),
    currency: Uint32Array.from(rows, ({ row }) => numberOf(currencies, row.currency)),
    hsCode: Uint32Array.from(rows, ({ row }) => numberOf(hsCodes, row.hsCode)),
    hsCodes: [...hsCodes.keys()],
  });
  const pairs = new Map<
    string,
    { shipper: number; consignee: number; days: Map<string, number> }
  >();
  rows.forEach(({ row }, at) => {
    const shipper = partyOfKey(row.shipperKey);
    const consignee = partyOfKey(row.consigneeKey);
    if (shipper < 0 || consignee < 0) return;
    if (candidatesOf[shipper].length === 0 && candidatesOf[consignee].length === 0) return;
    const pairKey = `${shipper}→${consignee}`;
    const pair = pairs.get(pairKey) ?? { shipper, consignee, days: new Map() };
    const shipment = shipmentGroup[at] >= 0 ? `g${shipmentGroup[at]}` : `r${at}`;
    pair.days.set(shipment, row.date);
    pairs.set(pairKey, pair);
  });

  return {
    snapshot: {
      file: snapshot.fileName,
      sha256: snapshot.sha256,
      bytes: snapshot.bytes,
      date: asOf,
      dateFrom: options.date ? 'given' : 'last_seen',
      lines: snapshot.lines,
      targets: snapshot.targets.length,
      designations: snapshot.targets.reduce((sum, target) => sum + target.designations.length, 0),
      problemCount: snapshot.problemCount,
      problems: snapshot.problems,
      unmatchedSanctions: snapshot.unmatchedSanctions,
    },
    customsFiles: files.map(({ file, rows: list }) => ({ file, rows: list.length })),
    parties: parties
      .map((party, number) => ({
        name: nameOf(number),
        keys: party.keys,
        spellings: [...party.spellings.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([spelling, count]) => ({
            spelling,
            rows: count,
            candidates: index
              .screen({ spellings: [spelling], identifiers: [] })
              .map(({ targetId, tier, score, reason, automatic }) => ({
                target: targetId,
                tier,
                score,
                reason,
                automatic,
              })),
          })),
        candidates: candidatesOf[number].map((candidate, rank) => ({
          rank: rank + 1,
          target: candidate.targetId,
          caption: targetById.get(candidate.targetId)!.caption,
          tier: candidate.tier,
          score: candidate.score,
          reason: candidate.reason,
          automatic: candidate.automatic,
          designations: designationsOf(candidate),
        })),
      }))
      .filter((party) => party.candidates.length > 0),
    pairs: [...pairs.values()].map(({ shipper, consignee, days }) => {
      const dates = [...days.values()];
      // Each side's first-ranked candidate, and any taken without confirmation.
      const side = (party: number, role: 'shipper' | 'consignee') =>
        candidatesOf[party]
          .filter((candidate, rank) => rank === 0 || candidate.automatic)
          .map((candidate) => ({
            role,
            party: nameOf(party),
            target: candidate.targetId,
            tier: candidate.tier,
            periods: countInPeriods(dates, targetById.get(candidate.targetId)!.designations, asOf),
          }));
      return {
        shipper: nameOf(shipper),
        consignee: nameOf(consignee),
        shipments: dates.length,
        dateFrom: isoFromDays(Math.min(...dates)),
        dateTo: isoFromDays(Math.max(...dates)),
        designations: [...side(shipper, 'shipper'), ...side(consignee, 'consignee')],
      };
    }),
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const usage = () => {
    console.error(
      'usage: npm run screen -- SNAPSHOT CUSTOMS_FILE… [--merge "A=B" …] [--date YYYY-MM-DD]',
    );
    process.exit(2);
  };
  const merges: [string, string][] = [];
  const paths: string[] = [];
  let date: string | undefined;
  for (let at = 0; at < args.length; at += 1) {
    if (args[at] === '--merge') {
      const [a, b, ...rest] = (args[++at] ?? '').split('=');
      if (!a || !b || rest.length > 0) usage();
      merges.push([a, b]);
    } else if (args[at] === '--date') {
      date = parsePartialDate(args[++at] ?? '') ?? undefined;
      if (!date) usage();
    } else if (args[at].startsWith('--')) usage();
    else paths.push(args[at]);
  }
  if (paths.length < 2) usage();
  try {
    statSync(paths[0]);
  } catch {
    console.error(`${paths[0]}: there is no such file`);
    process.exit(1);
  }
  try {
    console.log(
      JSON.stringify(await screenFiles(paths[0], paths.slice(1), { merges, date }), null, 2),
    );
  } catch (error) {
    if (error instanceof SnapshotRefused) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(
      error instanceof CustomsFileRefused || error instanceof UnreadableFileError
        ? error.message
        : String(error),
    );
    process.exit(2);
  }
}
