/**
 * Reading a sanctions snapshot in FollowTheMoney JSON lines, both shapes OpenSanctions publishes:
 * `entities.ftm.json` (companies, persons and Sanction entities naming their target in
 * `properties.entity`) and `targets.nested.json` (each target's sanctions nested under
 * `properties.sanctions`, where the nesting says whose sanction it is). Lines come in any order: a
 * Sanction may come before its target, so sanctions wait for their target until the file ends.
 *
 * The file comes from elsewhere: each line is bounded in length, parsed with a schema (unknown
 * properties dropped, every kept string and list bounded), and a line that fails is reported with
 * its number while the rest is read.
 */
import { z } from 'zod';
import { parsePartialDate, type PartialDate } from './partialDate';

/** A line longer than this is reported and skipped, never held whole. */
export const MAX_LINE_CHARS = 1024 * 1024;
/** How many lines after its target a Sanction still joins it before it is handed on. */
const HOLD_LINES = 1_000;
/** Problems reported by line; beyond these, only counted. */
const MAX_REPORTED = 200;

/** Identifiers screening compares, by the FtM property that holds them. */
export const identifierKinds = {
  innCode: 'INN',
  ogrnCode: 'OGRN',
  okpoCode: 'OKPO',
  registrationNumber: 'Registration number',
  taxNumber: 'Tax number',
  vatCode: 'VAT number',
  leiCode: 'LEI',
  swiftBic: 'SWIFT/BIC',
  imoNumber: 'IMO number',
  idNumber: 'ID number',
  passportNumber: 'Passport number',
} as const;

export type IdentifierKind = keyof typeof identifierKinds;

type TargetIdentifier = { kind: IdentifierKind; value: string };

/** One designation: a Sanction entity, with the list(s) it comes from and its period. */
export type Designation = {
  id: string;
  authority: string;
  program: string;
  /** The snapshot's datasets (lists) that carry it. */
  lists: string[];
  start: PartialDate | null;
  end: PartialDate | null;
  sourceUrl: string;
  reason: string;
};

/** A listed party: what screening compares, and its designations. */
export type SanctionsTarget = {
  id: string;
  schema: string;
  caption: string;
  names: string[];
  aliases: string[];
  /** Matched only beside a name or alias, never alone. */
  weakAliases: string[];
  previousNames: string[];
  identifiers: TargetIdentifier[];
  countries: string[];
  lists: string[];
  designations: Designation[];
};

/** Schemas of parties a list designates; every other FtM schema is read past (addresses, links…). */
const partySchemas = new Set([
  'Person',
  'Company',
  'Organization',
  'LegalEntity',
  'PublicBody',
  'Vessel',
  'Airplane',
]);

const text = (max: number) => z.string().max(max);
const values = (max = 2_000) => z.array(text(max)).max(500);
const optional = (max?: number) => values(max).optional();

const sanctionProperties = {
  authority: optional(),
  program: optional(),
  startDate: optional(64),
  endDate: optional(64),
  listingDate: optional(64),
  sourceUrl: optional(),
  reason: optional(50_000),
};

const sanctionSchema = z.object({
  id: text(512).min(1),
  schema: z.literal('Sanction'),
  properties: z
    .object({ ...sanctionProperties, entity: z.array(z.unknown()).max(500).optional() })
    .default({}),
  datasets: optional(200),
});

const identifierProperties = Object.fromEntries(
  Object.keys(identifierKinds).map((kind) => [kind, optional(200)]),
) as Record<IdentifierKind, ReturnType<typeof optional>>;

const entitySchema = z.object({
  id: text(512).min(1),
  schema: text(64),
  caption: text(2_000).optional(),
  target: z.boolean().optional(),
  properties: z
    .object({
      name: optional(),
      alias: optional(),
      weakAlias: optional(),
      previousName: optional(),
      country: optional(64),
      nationality: optional(64),
      jurisdiction: optional(64),
      ...identifierProperties,
      // Nested shape: the target's sanctions, each parsed below with the Sanction schema.
      sanctions: z.array(z.unknown()).max(10_000).optional(),
      // Flat shape: a Sanction's target(s), by id (an object here is the nested shape's back
      // reference, which is not relied on).
      entity: z.array(z.unknown()).max(500).optional(),
    })
    .default({}),
  datasets: optional(200),
  last_seen: text(64).optional(),
});

export type SnapshotProblem = { line: number; message: string };

const unique = (list: readonly string[] | undefined): string[] => [
  ...new Set((list ?? []).map((value) => value.trim()).filter((value) => value !== '')),
];

/** The earliest (or latest) of a property's dates that reads as a date. */
function pickDate(raw: readonly string[] | undefined, latest: boolean): PartialDate | null {
  const dates = (raw ?? []).map(parsePartialDate).filter((date) => date !== null);
  if (dates.length === 0) return null;
  dates.sort();
  return latest ? dates[dates.length - 1] : dates[0];
}

function designationOf(sanction: z.infer<typeof sanctionSchema>): Designation {
  const { properties } = sanction;
  return {
    id: sanction.id,
    authority: unique(properties.authority).join('; '),
    program: unique(properties.program).join('; '),
    lists: unique(sanction.datasets),
    start: pickDate(properties.startDate, false) ?? pickDate(properties.listingDate, false),
    end: pickDate(properties.endDate, true),
    sourceUrl: unique(properties.sourceUrl)[0] ?? '',
    reason: unique(properties.reason).join(' '),
  };
}

const issueText = (error: z.ZodError) => {
  const issue = error.issues[0];
  const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return `not an entity Waybill can read${where} (${issue.message.toLowerCase()})`;
};

/** What is known only once the whole file is read: designations for targets already handed on. */
export type SnapshotTail = {
  /** Designations read after their target was handed on, by target id. */
  late: Map<string, Designation[]>;
  /** Targets handed on that turn out not to be listed (no `target` flag, and no sanction names them). */
  dropped: Set<string>;
  problems: SnapshotProblem[];
  problemCount: number;
  /** Sanctions naming an entity the file never gives. */
  unmatchedSanctions: number;
};

/**
 * Reads a snapshot line by line (`line`, then `finish`), handing each listed party on (`handOn`)
 * once HOLD_LINES more lines have been read, with the designations read by then: a Sanction just
 * after its target (the flat shape's order) joins it before it goes. Beyond that window only ids and
 * the sanctions still waiting for their target are held, so a file of any size streams; a sanction
 * read after its target was handed on comes in `finish`'s `late`.
 */
export class SnapshotReader {
  private readonly handedOn = new Set<string>();
  /** Targets read but not yet handed on, in reading order, with the line each was read on. */
  private readonly held = new Map<string, { target: SanctionsTarget; line: number }>();
  private lastLine = 0;
  /** Parties handed on whose `target` flag is absent: targets only if a sanction names them. */
  private readonly unflagged = new Set<string>();
  private readonly waiting = new Map<string, Designation[]>();
  private readonly late = new Map<string, Designation[]>();
  private readonly problemList: SnapshotProblem[] = [];
  private problemCount = 0;
  /** Entities read (of any schema), to tell a snapshot from another kind of file. */
  entities = 0;
  lines = 0;
  /** The latest `last_seen` of any entity: the snapshot's date, unless the user gives one. */
  lastSeen: PartialDate | null = null;

  constructor(private readonly onTarget: (target: SanctionsTarget) => void) {}

  private problem(line: number, message: string) {
    this.problemCount += 1;
    if (this.problemList.length < MAX_REPORTED) this.problemList.push({ line, message });
  }

  /** A line too long to read, seen by the line splitter. */
  tooLong(line: number): void {
    this.lines += 1;
    this.problem(line, `longer than ${MAX_LINE_CHARS.toLocaleString('en')} characters`);
  }

  line(raw: string, number: number): void {
    this.lines += 1;
    this.lastLine = number;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      this.problem(number, 'not valid JSON');
      return;
    }
    const parsed = entitySchema.safeParse(json);
    if (!parsed.success) {
      this.problem(number, issueText(parsed.error));
      return;
    }
    const entity = parsed.data;
    this.entities += 1;
    const seen = entity.last_seen ? parsePartialDate(entity.last_seen) : null;
    if (seen && (!this.lastSeen || seen > this.lastSeen)) this.lastSeen = seen;
    if (entity.schema === 'Sanction') {
      const sanction = sanctionSchema.safeParse(json);
      if (!sanction.success) return this.problem(number, issueText(sanction.error));
      const owners = (entity.properties.entity ?? []).filter(
        (owner): owner is string => typeof owner === 'string' && owner.length <= 512,
      );
      if (owners.length === 0) return this.problem(number, 'a Sanction that names no entity');
      const designation = designationOf(sanction.data);
      for (const owner of owners) this.designate(owner, designation);
      return;
    }
    if (!partySchemas.has(entity.schema) || entity.target === false) return;
    if (this.handedOn.has(entity.id) || this.held.has(entity.id))
      return this.problem(number, `${entity.id} is given twice`);
    const { properties } = entity;
    const names = unique(properties.name);
    const target: SanctionsTarget = {
      id: entity.id,
      schema: entity.schema,
      caption: entity.caption?.trim() || names[0] || entity.id,
      names,
      aliases: unique(properties.alias),
      weakAliases: unique(properties.weakAlias),
      previousNames: unique(properties.previousName),
      identifiers: (Object.keys(identifierKinds) as IdentifierKind[]).flatMap((kind) =>
        unique(properties[kind]).map((value) => ({ kind, value })),
      ),
      countries: unique([
        ...(properties.country ?? []),
        ...(properties.nationality ?? []),
        ...(properties.jurisdiction ?? []),
      ]),
      lists: unique(entity.datasets),
      designations: [],
    };
    for (const [index, nested] of (properties.sanctions ?? []).entries()) {
      const sanction = sanctionSchema.safeParse(nested);
      if (!sanction.success)
        this.problem(number, `sanction ${index + 1}: ${issueText(sanction.error)}`);
      else target.designations.push(designationOf(sanction.data));
    }
    const earlier = this.waiting.get(entity.id);
    if (earlier) {
      target.designations.push(...earlier);
      this.waiting.delete(entity.id);
    }
    if (entity.target === undefined && target.designations.length === 0)
      this.unflagged.add(entity.id);
    this.held.set(entity.id, { target, line: number });
  }

  /** Hands on the targets read HOLD_LINES lines ago or more (every one held, once the file ends). */
  handOn(all = false): void {
    for (const [id, { target, line }] of this.held) {
      if (!all && this.lastLine - line < HOLD_LINES) return;
      this.held.delete(id);
      this.handedOn.add(id);
      this.onTarget(target);
    }
  }

  private designate(owner: string, designation: Designation) {
    const held = this.held.get(owner);
    if (held) {
      held.target.designations.push(designation);
      this.unflagged.delete(owner);
      return;
    }
    const into = this.handedOn.has(owner) ? this.late : this.waiting;
    this.unflagged.delete(owner);
    const list = into.get(owner);
    if (list) list.push(designation);
    else into.set(owner, [designation]);
  }

  /** Hands on every target still held, and tells what only the whole file shows. */
  finish(): SnapshotTail {
    this.handOn(true);
    let unmatchedSanctions = 0;
    for (const list of this.waiting.values()) unmatchedSanctions += list.length;
    return {
      late: this.late,
      dropped: this.unflagged,
      problems: this.problemList,
      problemCount: this.problemCount,
      unmatchedSanctions,
    };
  }
}

/** Applies a snapshot's tail to targets held whole: late designations added, dropped ones removed. */
export function completeTargets(
  targets: readonly SanctionsTarget[],
  tail: Pick<SnapshotTail, 'late' | 'dropped'>,
): SanctionsTarget[] {
  return targets
    .filter((target) => !tail.dropped.has(target.id))
    .map((target) => {
      const late = tail.late.get(target.id);
      return late ? { ...target, designations: [...target.designations, ...late] } : target;
    });
}

/**
 * Splits text arriving in chunks into lines, numbered from 1; a line longer than `MAX_LINE_CHARS`
 * is dropped as it streams (only its number is reported), so no line is ever held beyond the bound.
 */
export class LineSplitter {
  private pending = '';
  private overflowing = false;
  private number = 0;

  constructor(
    private readonly onLine: (line: string, number: number) => void,
    private readonly onTooLong: (number: number) => void,
  ) {}

  push(chunk: string): void {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      this.emit(chunk.slice(start, end));
      start = end + 1;
    }
    this.append(chunk.slice(start));
  }

  end(): void {
    if (this.pending !== '' || this.overflowing) this.emit('');
  }

  private append(part: string) {
    if (this.overflowing) return;
    if (this.pending.length + part.length > MAX_LINE_CHARS) {
      this.overflowing = true;
      this.pending = '';
    } else this.pending += part;
  }

  private emit(tail: string) {
    this.number += 1;
    this.append(tail);
    if (this.overflowing) this.onTooLong(this.number);
    else this.onLine(this.pending, this.number);
    this.pending = '';
    this.overflowing = false;
  }
}
