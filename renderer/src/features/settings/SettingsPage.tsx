import { useState } from 'react';
import { platform } from '../../app/platform';
import { formatBytes } from '../../ui/formatting';
import { InvestigationSpace } from './InvestigationSpace';
import { useStorageStatus } from './useStorageStatus';
import { saveUserName, useUserName } from '../../case/investigations/userName';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { CustomsLayouts } from './CustomsLayouts';
import { OcrLanguages } from './OcrLanguages';
import { SanctionsSnapshots } from '../sanctions';

export function SettingsPage() {
  const { status, requestPersistence } = useStorageStatus();
  const [refused, setRefused] = useState(false);

  return (
    <main className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <section aria-labelledby="storage-title" className="card">
        <h2 id="storage-title">Storage</h2>
        <p>
          Everything stays on this machine, in this{' '}
          {platform.kind === 'electron' ? 'app’s' : 'browser profile’s'} IndexedDB storage for{' '}
          <code>{window.location.origin}</code>.
        </p>
        {status === null ? (
          <p aria-busy="true">Reading storage…</p>
        ) : (
          <dl className="facts">
            <dt>Persistent storage</dt>
            <dd>
              {status.persisted
                ? 'On: the browser will not evict this data when disk space runs low.'
                : 'Off: under disk pressure the browser may evict this data.'}
            </dd>
            <dt>Used</dt>
            <dd>{status.usage === null ? 'unknown' : formatBytes(status.usage)}</dd>
            <dt>Available quota</dt>
            <dd>{status.quota === null ? 'unknown' : formatBytes(status.quota)}</dd>
          </dl>
        )}
        {status && !status.persisted && (
          <button
            type="button"
            onClick={() => void requestPersistence().then((granted) => setRefused(!granted))}
          >
            Request persistent storage
          </button>
        )}
        {refused && (
          <p role="alert" className="error">
            The browser refused persistent storage. In browser mode, Chromium grants it to sites
            that are bookmarked or installed; the desktop app does not need it.
          </p>
        )}
        <InvestigationSpace />
      </section>
      <YourName />
      <CustomsLayouts />
      <SanctionsSnapshots />
      <OcrLanguages />
    </main>
  );
}

/**
 * “Your name”: optional; recorded with every change in the audit log from now on, and shown as
 * “declared by” beside a dataset's origin in the dossier.
 */
function YourName() {
  const stored = useUserName();
  const [typed, setTyped] = useState<string | null>(null);
  const { error, run } = useAction();
  const [saved, setSaved] = useState(false);
  if (stored === undefined) return null;
  const value = typed ?? stored;
  return (
    <section aria-labelledby="name-title" className="card">
      <h2 id="name-title">Your name</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          void run(() => saveUserName(value)).then((done) => done && setSaved(true));
        }}
      >
        <label htmlFor="user-name">Your name (optional)</label>
        <input
          id="user-name"
          autoComplete="off"
          value={value}
          aria-describedby="user-name-hint"
          onChange={(event) => {
            setTyped(event.target.value);
            setSaved(false);
          }}
        />
        <p id="user-name-hint" className="hint">
          Recorded with each change you make from now on, in every investigation’s history, and
          shown as “declared by” beside an origin in the dossier. It is stored unencrypted in this
          app’s list of investigations. Leave it empty to record no name.
        </p>
        <ErrorMessage error={error} />
        <div className="row-actions">
          <button type="submit">Save name</button>
          {saved && <span role="status">Saved.</span>}
        </div>
      </form>
    </section>
  );
}
