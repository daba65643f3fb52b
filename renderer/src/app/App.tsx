import { useCallback, useEffect, useState } from 'react';
import { HomePage } from '../features/investigations/HomePage';
import { InvestigationPage } from '../features/investigations/InvestigationPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { VerifyPage } from '../features/verify/VerifyPage';
import { useIdleLock } from '../features/lock/useIdleLock';
import { HelpPanel } from './HelpPanel';
import { useShortcut } from './shortcuts';
import { startUp } from './startUp';
import { routeHref, useHashRoute } from './useHashRoute';

export function App() {
  const route = useHashRoute();
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcut(
    'help',
    useCallback(() => setHelpOpen(true), []),
  );
  const closeHelp = useCallback(() => setHelpOpen(false), []);

  const [interruptedRestores, setInterruptedRestores] = useState<string[]>([]);
  const [interruptedPasses, setInterruptedPasses] = useState<string[]>([]);
  // Cases open once start-up is done: it may seal a database an earlier version kept in the clear.
  const [started, setStarted] = useState(false);
  useEffect(() => {
    void startUp().then(({ restores, passes }) => {
      setInterruptedRestores(restores);
      setInterruptedPasses(passes);
      setStarted(true);
    });
  }, []);
  useIdleLock();

  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="app-bar">
        <a className="brand" href={routeHref({ page: 'home' })}>
          Waybill
        </a>
        <nav aria-label="Main">
          <a
            href={routeHref({ page: 'home' })}
            aria-current={route.page === 'home' ? 'page' : undefined}
          >
            Investigations
          </a>
          <a
            href={routeHref({ page: 'verify' })}
            aria-current={route.page === 'verify' ? 'page' : undefined}
          >
            Verify a dossier
          </a>
          <a
            href={routeHref({ page: 'settings' })}
            aria-current={route.page === 'settings' ? 'page' : undefined}
          >
            Settings
          </a>
          <button type="button" onClick={() => setHelpOpen(true)}>
            Keyboard shortcuts
          </button>
        </nav>
      </header>
      <div id="content">
        {interruptedRestores.length > 0 && (
          <p role="alert" className="notice page">
            A restore was cut short ({interruptedRestores.map((name) => `“${name}”`).join(', ')}):
            what it had written is removed and nothing else changed. Restore the archive again.
          </p>
        )}
        {interruptedPasses.map((message) => (
          <p key={message} role="alert" className="notice page">
            {message}
          </p>
        ))}
        {route.page === 'home' && <HomePage />}
        {route.page === 'settings' && <SettingsPage />}
        {route.page === 'verify' && <VerifyPage />}
        {'investigationId' in route &&
          (started ? (
            <InvestigationPage key={route.investigationId} route={route} />
          ) : (
            <p aria-busy="true" className="page">
              Opening…
            </p>
          ))}
      </div>
      {helpOpen && <HelpPanel onClose={closeHelp} />}
    </>
  );
}
