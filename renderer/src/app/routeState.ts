/**
 * What a link hands to the page it opens (such as the shipment filter of an entity's profile),
 * kept in memory under a random token: the URL carries the token only. Chromium keeps every URL in
 * its History database and session files, beyond the reach of the lock, and a filter can hold a
 * party's name. After a restart the token means nothing and the page opens unfiltered.
 */
const byToken = new Map<string, string>();
const byQuery = new Map<string, string>();

/** The query to put in a URL in place of `query`. */
export function stashRouteState(query: string): string {
  let token = byQuery.get(query);
  if (!token) {
    token = crypto.randomUUID();
    byQuery.set(query, token);
    byToken.set(token, query);
  }
  return `state=${token}`;
}

/** The query a URL's query stands for; empty when it stands for nothing this session knows. */
export const routeState = (query: string | undefined): string =>
  byToken.get(new URLSearchParams(query).get('state') ?? '') ?? '';
