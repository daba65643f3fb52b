/** A claim's link to one piece of evidence, with how it bears on the claim. */
export const evidenceTypes = [
  'shipment',
  'savedFilter',
  'entity',
  'excerpt',
  'note',
  'document',
  'designation',
] as const;
export type EvidenceType = (typeof evidenceTypes)[number];

export const evidenceTypeLabels: Record<EvidenceType, string> = {
  shipment: 'Shipment',
  entity: 'Entity',
  excerpt: 'Excerpt',
  note: 'Source note',
  document: 'Document',
  savedFilter: 'Shipments (saved filter)',
  designation: 'Designation',
};

export const relations = ['supports', 'contradicts', 'context'] as const;
export type Relation = (typeof relations)[number];

export const relationLabels: Record<Relation, string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  context: 'context',
};

export type EvidenceLink = {
  id: string;
  claimId: string;
  targetType: EvidenceType;
  targetId: string;
  relation: Relation;
  comment: string;
  createdAt: number;
  /**
   * A saved filter's count of matching shipment rows when the user last saw it: a live filter that
   * now matches more (a new import) or fewer shows that its count changed.
   */
  seenCount?: number;
};

/** Counts of a claim's evidence by relation: the start of its evidence summary. */
export function relationCounts(links: readonly EvidenceLink[]): Record<Relation, number> {
  const counts: Record<Relation, number> = { supports: 0, contradicts: 0, context: 0 };
  for (const link of links) counts[link.relation] += 1;
  return counts;
}
