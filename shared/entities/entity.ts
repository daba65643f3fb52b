/**
 * Companies and people, built from the party spellings of shipments. A spelling's alias key
 * (`partyKey`) points at an entity; keys nobody has grouped stand for an entity of their own (an
 * implicit entity, never stored). Stored entities are the user's decisions: which keys belong
 * together, the canonical name, identifiers and flags. Re-imports only add spellings; a key already
 * claimed by an entity stays with it.
 */
type EntityIdentifier = { scheme: string; value: string };

/** A flag such as "sanctioned", with who said so, since when, and an excerpt as proof. */
export type EntityFlag = {
  label: string;
  by: string;
  since: string;
  /** An excerpt id, or '' if none is cited yet. */
  excerptId: string;
};

export type Entity = {
  id: string;
  name: string;
  kind: 'company' | 'person';
  country: string;
  identifiers: EntityIdentifier[];
  flags: EntityFlag[];
  /** Normalised alias keys (multiEntry-indexed): the spellings this entity gathers. */
  aliasKeys: string[];
  /** Ids of entities merged into this one, so saved filters and links that named them follow. */
  formerIds: string[];
  createdAt: number;
  updatedAt: number;
};

/** A group of keys the user said are not one entity: that suggestion is not made again. */
export type SuggestionDismissal = { id: string; keys: string[]; at: number };

const IMPLICIT_PREFIX = 'alias:';

/** The id of the entity an ungrouped alias key stands for. */
export const implicitEntityId = (aliasKey: string): string => `${IMPLICIT_PREFIX}${aliasKey}`;

/** The alias key behind an implicit entity id, or null for a stored entity's id. */
export const aliasKeyOfImplicitId = (id: string): string | null =>
  id.startsWith(IMPLICIT_PREFIX) ? id.slice(IMPLICIT_PREFIX.length) : null;

/** A suggestion's stable id: its keys, sorted. */
export const suggestionId = (keys: readonly string[]): string => [...keys].sort().join('|');
