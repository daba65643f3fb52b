import { useState } from 'react';
import { platform } from '../../app/platform';
import { formatBytes } from '../../ui/formatting';
import { useStorageStatus } from './useStorageStatus';

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
      </section>
    </main>
  );
}
