import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditKind } from '#shared/audit/auditLog';
import type { AuditEntry } from '#shared/investigation';
import { useCaseDb } from '../caseDb';

export type AuditLog = {
  /** Newest first. */
  entries: AuditEntry[];
  /** A record as the user knows it, where it still exists. */
  label: (kind: AuditKind, id: string) => string | undefined;
};

/** The whole audit log of the investigation, with what names its records: read again on change. */
export function useAuditLog(): AuditLog | undefined {
  const db = useCaseDb();
  return useLiveQuery(async () => {
    const [entries, claims, notes, statuses, sections, entities, documents, datasets, filters] =
      await Promise.all([
        db.audit.toArray(),
        db.claims.toArray(),
        db.notes.toArray(),
        db.statuses.toArray(),
        db.sections.toArray(),
        db.entities.toArray(),
        db.documents.toArray(),
        db.datasets.toArray(),
        db.savedFilters.toArray(),
      ]);
    const names = new Map<string, string>([
      ...claims.map((claim) => [`claims:${claim.id}`, claim.text] as const),
      ...notes.map((note) => [`notes:${note.id}`, note.title] as const),
      ...statuses.map((status) => [`statuses:${status.id}`, status.name] as const),
      ...sections.map((section) => [`sections:${section.id}`, section.name] as const),
      ...entities.map((entity) => [`entities:${entity.id}`, entity.name] as const),
      ...documents.map(
        (document) => [`documents:${document.id}`, document.title || document.fileName] as const,
      ),
      ...datasets.map((dataset) => [`datasets:${dataset.id}`, dataset.fileName] as const),
      ...filters.map((filter) => [`savedFilters:${filter.id}`, filter.name] as const),
    ]);
    return {
      entries: entries.sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0)),
      label: (kind: AuditKind, id: string) => names.get(`${kind}:${id}`),
    };
  }, [db]);
}
