import { useSyncExternalStore } from 'react';

/** The app's places. Hash routes work the same under app://waybill and the browser-mode server. */
export type Route =
  | { page: 'home' }
  | { page: 'settings' }
  | { page: 'claims'; investigationId: string }
  | { page: 'statuses'; investigationId: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'settings') return { page: 'settings' };
  if (parts[0] === 'investigations' && parts[1]) {
    return parts[2] === 'statuses'
      ? { page: 'statuses', investigationId: parts[1] }
      : { page: 'claims', investigationId: parts[1] };
  }
  return { page: 'home' };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'settings':
      return '#/settings';
    case 'claims':
      return `#/investigations/${encodeURIComponent(route.investigationId)}`;
    case 'statuses':
      return `#/investigations/${encodeURIComponent(route.investigationId)}/statuses`;
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
