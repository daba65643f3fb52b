import { lazy, Suspense, useCallback } from 'react';
import { useDigitShortcut } from '../../app/shortcuts';
import { routeState } from '../../app/routeState';
import { routeHref, type Route } from '../../app/useHashRoute';
import { CaseProvider } from '../../case/CaseProvider';
import { ClaimsPage } from '../claims';
import { DatasetsPage } from '../datasets';
import { DossierPage } from '../dossier';
import { EntitiesPage } from '../entities';
import { HistoryPage } from '../history';
import { NotesPage } from '../notes';
import { ShipmentsPage } from '../shipments';
import { StatusesPage } from '../statuses';
import { lockAgain, UnlockPanel } from '../lock';
import { useInvestigation, useOpening } from '../../case/investigations/useInvestigations';

// pdf.js is large: it loads with the Documents tab, not with the app.
const DocumentsPage = lazy(() =>
  import('../documents').then((module) => ({ default: module.DocumentsPage })),
);

/** The id a link asks a page to open on (`claim=…`): ids only, never names, are in URLs. */
const queryId = (query: string | undefined, kind: string): string | undefined =>
  new URLSearchParams(query).get(kind) ?? undefined;

/** The tabs of an investigation, in order: the digit keys 1–9 go to them (app/shortcuts.ts). */
const tabs = [
  { page: 'claims', label: 'Claims' },
  { page: 'datasets', label: 'Datasets' },
  { page: 'shipments', label: 'Shipments' },
  { page: 'entities', label: 'Entities' },
  { page: 'documents', label: 'Documents' },
  { page: 'notes', label: 'Notes' },
  { page: 'dossier', label: 'Dossier' },
  { page: 'statuses', label: 'Statuses' },
  { page: 'history', label: 'History' },
] as const;

export function InvestigationPage({
  route,
}: {
  route: Extract<Route, { investigationId: string }>;
}) {
  const investigation = useInvestigation(route.investigationId);
  const { open, error } = useOpening(investigation);
  const investigationId = route.investigationId;
  useDigitShortcut(
    useCallback(
      (digit: number) => {
        const tab = tabs[digit - 1];
        if (tab) window.location.hash = routeHref({ page: tab.page, investigationId });
      },
      [investigationId],
    ),
  );
  if (investigation === undefined) return <p aria-busy="true">Loading investigation…</p>;
  if (investigation === null) {
    return (
      <main className="page">
        <h1>Investigation not found</h1>
        <p>
          It may have been deleted.{' '}
          <a href={routeHref({ page: 'home' })}>Back to all investigations</a>
        </p>
      </main>
    );
  }
  if (!open) {
    return (
      <main className="page" aria-labelledby="investigation-title">
        <h1 id="investigation-title">{investigation.name}</h1>
        {investigation.lock ? (
          <UnlockPanel investigation={investigation} />
        ) : error ? (
          <p role="alert">{error}</p>
        ) : (
          <p aria-busy="true">Opening…</p>
        )}
      </main>
    );
  }
  return (
    <main className="page" aria-labelledby="investigation-title">
      <header className="investigation-header">
        <h1 id="investigation-title">{investigation.name}</h1>
        {investigation.lock && (
          <button
            type="button"
            className="lock-now"
            onClick={() => lockAgain(investigation.id)}
            aria-label={`Lock ${investigation.name} now`}
          >
            Lock now
          </button>
        )}
        {investigation.notice && (
          <p className="notice" role="note">
            {investigation.notice}
          </p>
        )}
        <nav aria-label="Investigation">
          {tabs.map((tab) => (
            <a
              key={tab.page}
              href={routeHref({ page: tab.page, investigationId: investigation.id })}
              aria-current={route.page === tab.page ? 'page' : undefined}
            >
              {tab.label}
            </a>
          ))}
        </nav>
      </header>
      <CaseProvider investigation={investigation}>
        {route.page === 'claims' && (
          <ClaimsPage key={route.query ?? ''} open={queryId(route.query, 'claim')} />
        )}
        {route.page === 'datasets' && <DatasetsPage />}
        {route.page === 'shipments' && (
          <ShipmentsPage key={route.query ?? ''} query={routeState(route.query)} />
        )}
        {route.page === 'entities' && (
          <EntitiesPage key={route.query ?? ''} query={routeState(route.query)} />
        )}
        {route.page === 'documents' && (
          <Suspense fallback={<p aria-busy="true">Loading the document reader…</p>}>
            <DocumentsPage />
          </Suspense>
        )}
        {route.page === 'notes' && (
          <NotesPage key={route.query ?? ''} open={queryId(route.query, 'note')} />
        )}
        {route.page === 'dossier' && <DossierPage investigation={investigation} />}
        {route.page === 'statuses' && <StatusesPage />}
        {route.page === 'history' && <HistoryPage investigationName={investigation.name} />}
      </CaseProvider>
    </main>
  );
}
