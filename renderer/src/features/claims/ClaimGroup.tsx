import { useId } from 'react';
import type { Claim, Section, Status } from '#shared/investigation';
import { ClaimRow } from './ClaimRow';
import { SectionHeader } from './SectionHeader';

/** One section of the claims list (or the unsectioned claims), in the researcher's order. */
export function ClaimGroup(props: {
  section: Section | null;
  claims: Claim[];
  total: number;
  statuses: Status[];
  selectedId: string | null;
  supportCounts: Map<string, number>;
  /** Claims whose evidence breaks their status's rule, with why. */
  ruleWarnings: Map<string, string[]>;
  /** Claims citing a request for comment awaited past its deadline. */
  awaitingOverdue: Set<string>;
  isFirstSection: boolean;
  isLastSection: boolean;
  hidden: boolean;
  onSelect: (claimId: string) => void;
  onMoveClaim: (claimId: string, direction: 'up' | 'down') => void;
  onRenameSection: (section: Section) => void;
  onMoveSection: (section: Section, direction: 'up' | 'down') => void;
  onDeleteSection: (section: Section) => void;
}) {
  const headingId = useId();
  const { section } = props;
  if (props.hidden) return null;
  return (
    <section className="claim-group" aria-labelledby={headingId}>
      {section ? (
        <SectionHeader
          section={section}
          headingId={headingId}
          count={props.total}
          isFirst={props.isFirstSection}
          isLast={props.isLastSection}
          onRename={() => props.onRenameSection(section)}
          onMove={(direction) => props.onMoveSection(section, direction)}
          onDelete={() => props.onDeleteSection(section)}
        />
      ) : (
        <div className="section-header">
          <h3 id={headingId}>Unsectioned</h3>
        </div>
      )}
      {props.claims.length === 0 ? (
        <p className="hint">
          {props.total === 0 ? 'No claims yet.' : 'No claims match the filter.'}
        </p>
      ) : (
        <ol className="claim-rows" aria-labelledby={headingId}>
          {props.claims.map((claim, index) => (
            <ClaimRow
              key={claim.id}
              claim={claim}
              status={props.statuses.find((status) => status.id === claim.statusId)}
              selected={claim.id === props.selectedId}
              supported={(props.supportCounts.get(claim.id) ?? 0) > 0}
              ruleWarnings={props.ruleWarnings.get(claim.id) ?? []}
              awaitingOverdue={props.awaitingOverdue.has(claim.id)}
              isFirst={index === 0}
              isLast={index === props.claims.length - 1}
              onSelect={() => props.onSelect(claim.id)}
              onMove={(direction) => props.onMoveClaim(claim.id, direction)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
