import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  emptyClaimFilter,
  matchesClaimFilter,
  tagsByUse,
  type ClaimFilter,
} from '#shared/claimFilter';
import type { Claim, Section } from '#shared/investigation';
import type { ClaimsView } from '#shared/tabViews';
import { useShortcut } from '../../app/shortcuts';
import { useWithCase } from '../../case/useCase';
import { useTabView } from '../../case/views/useTabView';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { NameDialog } from '../../ui/NameDialog';
import { UndoToast } from '../../ui/UndoToast';
import { useAction } from '../../ui/useAction';
import { useClaimsAwaitingOverdue, useSupportCounts } from '../../case/evidence/useEvidence';
import { useStatuses } from '../../case/statuses/useStatuses';
import { ClaimEditor } from './ClaimEditor';
import { ClaimFilters } from './ClaimFilters';
import { ClaimGroup } from './ClaimGroup';
import { NewClaimForm } from './NewClaimForm';
import { deleteClaim, moveClaim, restoreClaim } from '../../case/claims/claimMutations';
import {
  addSection,
  deleteSection,
  moveSection,
  renameSection,
} from '../../case/claims/sectionMutations';
import { useClaims, useSections } from '../../case/claims/useClaims';
import { useRuleWarnings } from '../../case/evidence/useRuleWarnings';

const freshView: ClaimsView = { id: 'claims', filter: emptyClaimFilter, openClaim: null };

type SectionDialogState = { mode: 'add' } | { mode: 'rename'; section: Section } | null;

/** `open`: the claim to show first, when a link asks for one. */
export function ClaimsPage(props: { open?: string }) {
  const withCase = useWithCase();
  const claims = useClaims();
  const sections = useSections();
  const statuses = useStatuses();
  const supportCounts = useSupportCounts();
  const ruleWarnings = useRuleWarnings(claims, statuses);
  const awaitingOverdue = useClaimsAwaitingOverdue();
  const [view, setView] = useTabView<ClaimsView>(
    freshView,
    props.open ? { openClaim: props.open } : null,
  );
  const filter = view?.filter ?? emptyClaimFilter;
  const selectedId = view?.openClaim ?? null;
  const setFilter = useCallback(
    (next: ClaimFilter) => setView((current) => ({ ...current, filter: next })),
    [setView],
  );
  const setSelectedId = useCallback(
    (next: string | null) => setView((current) => ({ ...current, openClaim: next })),
    [setView],
  );
  const [deleted, setDeleted] = useState<Claim | null>(null);
  const [sectionDialog, setSectionDialog] = useState<SectionDialogState>(null);
  const [sectionToDelete, setSectionToDelete] = useState<Section | null>(null);
  const { error, run } = useAction();
  const newClaimRef = useRef<HTMLTextAreaElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const focusAfterMove = useRef<string | null>(null);

  useShortcut(
    'new-claim',
    useCallback(() => newClaimRef.current?.focus(), []),
  );
  useShortcut(
    'search',
    useCallback(() => searchRef.current?.focus(), []),
  );

  // Moving a claim re-orders the DOM, which drops the focus; give it back to the moved claim.
  useEffect(() => {
    if (!focusAfterMove.current) return;
    document.querySelector<HTMLElement>(`[data-claim-id="${focusAfterMove.current}"]`)?.focus();
    focusAfterMove.current = null;
  }, [claims]);

  const knownTags = useMemo(() => tagsByUse(claims ?? []), [claims]);
  const dismissUndo = useCallback(() => setDeleted(null), []);

  if (!view || !claims || !sections || !statuses || !supportCounts || !awaitingOverdue)
    return <p aria-busy="true">Loading claims…</p>;

  const visible = claims.filter((claim) => matchesClaimFilter(claim, filter));
  const selected = claims.find((claim) => claim.id === selectedId);
  const groups: { section: Section | null; claims: Claim[]; all: Claim[] }[] = [
    ...sections.map((section) => ({
      section,
      claims: visible.filter((claim) => claim.sectionId === section.id),
      all: claims.filter((claim) => claim.sectionId === section.id),
    })),
    {
      section: null,
      claims: visible.filter((claim) => claim.sectionId === null),
      all: claims.filter((claim) => claim.sectionId === null),
    },
  ];

  const onMoveClaim = (claimId: string, direction: 'up' | 'down') =>
    void run(async () => {
      focusAfterMove.current = claimId;
      await withCase(moveClaim, claimId, direction);
    });

  const onDeleteClaim = (claimId: string) =>
    void run(async () => {
      setDeleted(await withCase(deleteClaim, claimId));
      setSelectedId(null);
    });

  const onUndoDelete = () => {
    if (!deleted) return;
    const claim = deleted;
    setDeleted(null);
    void run(async () => {
      await withCase(restoreClaim, claim);
      setSelectedId(claim.id);
    });
  };

  return (
    <div className="claims-layout">
      <section className="claims-list" aria-labelledby="claims-title">
        <div className="list-header">
          <h2 id="claims-title">Claims</h2>
          <button type="button" onClick={() => setSectionDialog({ mode: 'add' })}>
            Add section
          </button>
        </div>
        <NewClaimForm ref={newClaimRef} onAdded={setSelectedId} />
        <ClaimFilters
          filter={filter}
          onChange={setFilter}
          statuses={statuses}
          tags={knownTags}
          ref={searchRef}
        />
        <p className="count" aria-live="polite">
          {visible.length === claims.length
            ? `${claims.length} claim${claims.length === 1 ? '' : 's'}`
            : `Showing ${visible.length} of ${claims.length} claims`}
        </p>
        <ErrorMessage error={error} />
        {groups.map((group, index) => (
          <ClaimGroup
            key={group.section?.id ?? 'unsectioned'}
            section={group.section}
            claims={group.claims}
            total={group.all.length}
            statuses={statuses}
            selectedId={selectedId}
            supportCounts={supportCounts}
            ruleWarnings={ruleWarnings}
            awaitingOverdue={awaitingOverdue}
            isFirstSection={index === 0}
            isLastSection={index === sections.length - 1}
            hidden={group.section === null && group.all.length === 0 && sections.length > 0}
            onSelect={setSelectedId}
            onMoveClaim={onMoveClaim}
            onRenameSection={(section) => setSectionDialog({ mode: 'rename', section })}
            onMoveSection={(section, direction) =>
              void run(() => withCase(moveSection, section.id, direction))
            }
            onDeleteSection={setSectionToDelete}
          />
        ))}
      </section>

      <div className="claim-detail">
        {selected ? (
          <ClaimEditor
            key={selected.id}
            claim={selected}
            statuses={statuses}
            sections={sections}
            knownTags={knownTags}
            ruleWarnings={ruleWarnings.get(selected.id) ?? []}
            onDelete={() => onDeleteClaim(selected.id)}
          />
        ) : (
          <p className="hint">Select a claim to edit it, change its status and see its history.</p>
        )}
      </div>

      {deleted && (
        <UndoToast message="Claim deleted." onUndo={onUndoDelete} onDismiss={dismissUndo} />
      )}
      {sectionDialog && (
        <NameDialog
          label="Section name"
          title={
            sectionDialog.mode === 'add'
              ? 'Add section'
              : `Rename section “${sectionDialog.section.name}”`
          }
          initialName={sectionDialog.mode === 'add' ? '' : sectionDialog.section.name}
          submitLabel={sectionDialog.mode === 'add' ? 'Add section' : 'Rename'}
          onSubmit={(name) =>
            sectionDialog.mode === 'add'
              ? withCase(addSection, name)
              : withCase(renameSection, sectionDialog.section.id, name)
          }
          onClose={() => setSectionDialog(null)}
        />
      )}
      {sectionToDelete && (
        <ConfirmDialog
          title={`Delete section “${sectionToDelete.name}”?`}
          confirmLabel="Delete section"
          onConfirm={() => withCase(deleteSection, sectionToDelete.id)}
          onClose={() => setSectionToDelete(null)}
        >
          <p>Its claims are kept and moved to Unsectioned.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
