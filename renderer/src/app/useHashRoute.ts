import { useSyncExternalStore } from 'react';

/** The app's places. Hash routes work the same under app://waybill and the browser-mode server. */
export type Route =
  | { page: 'home' }
  | { page: 'settings' }
  | { page: 'verify' }
  | {
      page: InvestigationTab;
      investigationId: string;
      /** A token for what the page opens on, such as a shipment filter (see routeState.ts). */
      query?: string;
    };

/** The pages of one investigation, in the order of its tabs. */
const investigationTabs = [
  'claims',
  'datasets',
  'shipments',
  'entities',
  'documents',
  'notes',
  'dossier',
  'statuses',
  'history',
] as const;
type InvestigationTab = (typeof investigationTabs)[number];
const isInvestigationTab = (value: string | undefined): value is InvestigationTab =>
  (investigationTabs as readonly (string | undefined)[]).includes(value);

function parseRoute(hash: string): Route {
  const [path = '', query] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'settings') return { page: 'settings' };
  if (parts[0] === 'verify') return { page: 'verify' };
  if (parts[0] === 'investigations' && parts[1]) {
    const page = isInvestigationTab(parts[2]) ? parts[2] : 'claims';
    return query ? { page, investigationId: parts[1], query } : { page, investigationId: parts[1] };
  }
  return { page: 'home' };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'settings':
      return '#/settings';
    case 'verify':
      return '#/verify';
    default:
      return `#/investigations/${encodeURIComponent(route.investigationId)}/${route.page}${
        route.query ? `?${route.query}` : ''
      }`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
