import { useState, type FormEvent } from 'react';
import type { Status } from '#shared/investigation';
import { useWithCase } from '../../case/useCase';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { DeleteStatusDialog } from './DeleteStatusDialog';
import { StatusRow } from './StatusRow';
import { addStatus } from '../../case/statuses/statusMutations';
import { useStatuses, useStatusUsage } from '../../case/statuses/useStatuses';

export function StatusesPage() {
  const withCase = useWithCase();
  const statuses = useStatuses();
  const usage = useStatusUsage();
  const [deleting, setDeleting] = useState<Status | null>(null);
  const [name, setName] = useState('');
  const { error, run } = useAction();

  if (!statuses || !usage) return <p aria-busy="true">Loading statuses…</p>;

  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await withCase(addStatus, { name, color: '#4b5563', description: '', publishable: false });
      setName('');
    });
  };

  return (
    <section className="statuses" aria-labelledby="statuses-title">
      <h2 id="statuses-title">Status vocabulary</h2>
      <p className="hint">
        The verification statuses of this investigation. “Publishable” statuses may appear in a
        publication dossier. A rule sets what a claim’s evidence must hold to carry the status
        (supporting items of any kind; independent origins behind its supporting shipments, a
        dataset of unknown origin being none): a claim that breaks it is flagged on its page, in the
        claim list and in the full dossier.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Colour</th>
            <th scope="col">Description</th>
            <th scope="col">Publishable</th>
            <th scope="col">Rule</th>
            <th scope="col">Claims</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((status, index) => (
            <StatusRow
              key={status.id}
              status={status}
              claimCount={usage.get(status.id) ?? 0}
              isFirst={index === 0}
              isLast={index === statuses.length - 1}
              onDelete={() => setDeleting(status)}
            />
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={onAdd}>
        <label htmlFor="new-status-name">New status name</label>
        <input
          autoComplete="off"
          id="new-status-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit">Add status</button>
      </form>
      <ErrorMessage error={error} />
      {deleting && (
        <DeleteStatusDialog
          status={deleting}
          statuses={statuses}
          claimCount={usage.get(deleting.id) ?? 0}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
