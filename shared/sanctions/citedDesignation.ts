/**
 * A designation a claim cites: one designation of a confirmed match (sanctionsMatch.ts), frozen with
 * the target as the snapshot listed it and the snapshot's hash and date. A link names it as
 * `matchId:designationId` (the match's id is the app's own and holds no colon; the designation's is
 * the list's).
 */
import type { Designation } from './ftm';
import { periodText } from './partialDate';
import type { SanctionsMatch } from './sanctionsMatch';

export const designationLinkId = (matchId: string, designationId: string): string =>
  `${matchId}:${designationId}`;

export function parseDesignationLinkId(
  id: string,
): { matchId: string; designationId: string } | null {
  const colon = id.indexOf(':');
  return colon <= 0 ? null : { matchId: id.slice(0, colon), designationId: id.slice(colon + 1) };
}

/** The designation a link names, from the case's matches; null when the match is gone. */
export function citedDesignation(
  id: string,
  matches: ReadonlyMap<string, SanctionsMatch>,
): { match: SanctionsMatch; designation: Designation } | null {
  const parsed = parseDesignationLinkId(id);
  const match = parsed && matches.get(parsed.matchId);
  const designation = match?.target.designations.find(
    (entry) => entry.id === parsed?.designationId,
  );
  return match && designation ? { match, designation } : null;
}

/** "EU Financial Sanctions: Ulan-Ude Aviation Plant, from 2022-03-15". */
export const designationLabel = (match: SanctionsMatch, designation: Designation): string =>
  `${designation.lists.join(', ') || designation.authority || 'A list'}: ${match.target.caption}, ${periodText(designation)}`;

/** Every designation of a case's confirmed matches, with its match and its label. */
export const confirmedDesignations = (
  matches: Iterable<SanctionsMatch>,
): { match: SanctionsMatch; designation: Designation; label: string }[] =>
  [...matches]
    .filter((match) => match.decision === 'confirmed')
    .flatMap((match) =>
      match.target.designations.map((designation) => ({
        match,
        designation,
        label: designationLabel(match, designation),
      })),
    );
