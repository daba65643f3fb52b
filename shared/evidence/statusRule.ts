/**
 * A status's rule checked against a claim's evidence: one model, used by the claim page, the claim
 * list and the dossier alike.
 */
import type { Status, StatusRule } from '../investigation';
import type { EvidenceLink } from './link';

/** What a claim's evidence holds, as a rule counts it. */
export type RuleEvidence = {
  /** Links of any kind that support the claim. */
  supporting: number;
  /** Independent origins behind its supporting shipments (a dataset of unknown origin is none). */
  origins: number;
};

export const supportingCount = (links: readonly Pick<EvidenceLink, 'relation'>[]): number =>
  links.filter((link) => link.relation === 'supports').length;

/** Whether a rule asks for anything. */
export const hasRule = (rule: StatusRule | undefined): rule is StatusRule =>
  rule !== undefined && (rule.minSupporting > 0 || rule.minOrigins > 0);

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/**
 * Where the evidence falls short of the status's rule, one sentence each; none when it meets it
 * (or the status has no rule).
 */
export function ruleShortfalls(
  status: Pick<Status, 'name' | 'rule'>,
  evidence: RuleEvidence,
): string[] {
  const { rule } = status;
  if (!hasRule(rule)) return [];
  const shortfalls: string[] = [];
  if (evidence.supporting < rule.minSupporting)
    shortfalls.push(
      `“${status.name}” needs ${plural(rule.minSupporting, 'supporting item', 'supporting items')}; this claim has ${evidence.supporting.toLocaleString('en')}.`,
    );
  if (evidence.origins < rule.minOrigins)
    shortfalls.push(
      `“${status.name}” needs ${plural(rule.minOrigins, 'independent origin', 'independent origins')}; this claim’s evidence has ${evidence.origins.toLocaleString('en')}.`,
    );
  return shortfalls;
}

/** The rule in words, as the status list and the dossier state it. */
export function ruleText(rule: StatusRule | undefined): string {
  if (!hasRule(rule)) return 'no rule';
  const parts: string[] = [];
  if (rule.minSupporting > 0)
    parts.push(`at least ${plural(rule.minSupporting, 'supporting item', 'supporting items')}`);
  if (rule.minOrigins > 0)
    parts.push(`at least ${plural(rule.minOrigins, 'independent origin', 'independent origins')}`);
  return parts.join(' and ');
}
