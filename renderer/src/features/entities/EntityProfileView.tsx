import { useEffect, useState } from 'react';
import type { EntityProfile } from '#shared/customs/entityProfile';
import { quoteLine } from '#shared/documents/document';
import { routeHref } from '../../app/useHashRoute';
import { stashRouteState } from '../../app/routeState';
import { useInvestigationId, useWithCase } from '../../case/useCase';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatAmount } from '../../ui/formatting';
import { useAction } from '../../ui/useAction';
import { useAllExcerpts } from '../../case/documents/useDocuments';
import { LinkToClaimDialog } from '../evidence';
import { entityPageKey, takeEntityPage } from './entityPages';
import type { EngineState } from '../../case/shipments/useShipmentEngine';
import { EntityDetailsDialog } from './EntityDetailsDialog';
import { splitSpelling } from '../../case/entities/entityMutations';
import { MonthlyChart } from './MonthlyChart';
import { SanctionsScreening } from '../sanctions';
import { useStoredEntity } from '../../case/entities/useEntities';
import { useSanctionsMatches } from '../../case/sanctions/sanctionsMatches';
import { confirmedDesignations } from '#shared/sanctions/citedDesignation';
import { declaredDesignations } from '#shared/sanctions/declaredDesignation';

type Loaded = { key: string; name: string; profile: EntityProfile | null };

/** "13 shipments from 26 rows", as the claim page and the Shipments tab count them. */
const shipmentsFromRows = (shipments: number, rows: number) =>
  `${shipments.toLocaleString()} ${shipments === 1 ? 'shipment' : 'shipments'} from ${rows.toLocaleString()} ${rows === 1 ? 'row' : 'rows'}`;

/** One entity: its spellings, roles, counterparties, shipments per month and what is known of it. */
export function EntityProfileView(props: {
  engine: EngineState;
  entityId: string;
  onOpen: (entityId: string) => void;
  onClose: () => void;
}) {
  const withCase = useWithCase();
  const investigationId = useInvestigationId();
  const { engine, entityId } = props;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  const { error, run } = useAction();
  const key = entityPageKey(engine.key, entityId);

  useEffect(() => {
    let live = true;
    void (async () => {
      const page = await takeEntityPage(engine.key, entityId);
      if (live) setLoaded({ key, name: page?.name ?? '', profile: page?.profile ?? null });
    })();
    return () => {
      live = false;
    };
  }, [key, engine.key, entityId]);

  const currentId = loaded?.profile?.id ?? entityId;
  const stored = useStoredEntity(currentId);
  const excerpts = useAllExcerpts();
  // Confirmed matches' designations are shaded over the chart.
  const matches = useSanctionsMatches({
    id: currentId,
    formerIds: stored?.formerIds,
    aliasKeys: [...new Set((loaded?.profile?.spellings ?? []).map((entry) => entry.aliasKey))],
  });

  if (!loaded || loaded.key !== key) return <p aria-busy="true">Loading entity…</p>;
  const { profile, name } = loaded;
  if (!profile)
    return (
      <section className="entity-profile">
        <p>This entity no longer exists: its spellings were split up.</p>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </section>
    );
  const project = (id: string, role: 'shipperEntity' | 'consigneeEntity', display = 'rows') =>
    routeHref({
      page: 'shipments',
      investigationId,
      query: stashRouteState(`${role}=${encodeURIComponent(id)}&display=${display}`),
    });
  const keys = [...new Set(profile.spellings.map((spelling) => spelling.aliasKey))];
  const flags = stored?.flags ?? [];
  return (
    <section className="entity-profile" aria-labelledby="entity-title">
      <div className="list-header">
        <h3 id="entity-title">{name}</h3>
        <span className="actions">
          <button type="button" onClick={() => setEditing(true)}>
            Edit details
          </button>
          <button type="button" onClick={() => setLinking(true)}>
            Link to claim
          </button>
          <button type="button" aria-label="Close entity" onClick={props.onClose}>
            ×
          </button>
        </span>
      </div>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{stored?.kind ?? 'company'}</dd>
        <dt>Country</dt>
        <dd>{stored?.country || '—'}</dd>
        <dt>Identifiers</dt>
        <dd>
          {stored?.identifiers.map((entry) => `${entry.scheme} ${entry.value}`).join(' · ') || '—'}
        </dd>
        <dt>Flags</dt>
        <dd>
          {flags.length === 0
            ? '—'
            : flags.map((flag) => {
                const proof = excerpts?.find((excerpt) => excerpt.id === flag.excerptId);
                return (
                  <span key={`${flag.label}-${flag.by}`} className="flag">
                    {flag.label}
                    {flag.by && ` by ${flag.by}`}
                    {flag.since && ` since ${flag.since}`}
                    {proof && ` (proof: “${quoteLine(proof, 80)}”, page ${proof.page})`}
                  </span>
                );
              })}
        </dd>
        <dt>As shipper</dt>
        <dd>
          {shipmentsFromRows(profile.shipmentsAsShipper, profile.asShipper)} ·{' '}
          <a href={project(profile.id, 'shipperEntity')}>show shipments as shipper</a>
        </dd>
        <dt>As consignee</dt>
        <dd>
          {shipmentsFromRows(profile.shipmentsAsConsignee, profile.asConsignee)} ·{' '}
          <a href={project(profile.id, 'consigneeEntity')}>show shipments as consignee</a>
        </dd>
        <dt>Trade</dt>
        <dd>
          <a href={project(profile.id, 'shipperEntity', 'network')}>show trade network</a>
        </dd>
      </dl>
      <SanctionsScreening
        entityId={profile.id}
        name={name}
        spellings={profile.spellings.map((spelling) => spelling.spelling)}
        identifiers={stored?.identifiers ?? []}
        formerIds={stored?.formerIds}
        aliasKeys={keys}
      />
      <ErrorMessage error={error} />
      <table className="data-table" aria-label="Spellings">
        <thead>
          <tr>
            <th scope="col">Spelling</th>
            <th scope="col">Alias key</th>
            <th scope="col" className="numeric">
              Shipments
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {profile.spellings.map((spelling) => (
            <tr key={spelling.spelling}>
              <td>{spelling.spelling}</td>
              <td className="hint">{spelling.aliasKey}</td>
              <td className="numeric">{spelling.shipments.toLocaleString()}</td>
              <td>
                {stored && keys.length > 1 && (
                  <button
                    type="button"
                    className="small"
                    aria-label={`Split off ${spelling.spelling}`}
                    onClick={() =>
                      void run(() => withCase(splitSpelling, stored.id, spelling.aliasKey))
                    }
                  >
                    Split off
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <MonthlyChart
        months={profile.months}
        name={name}
        designations={[
          ...confirmedDesignations(matches ?? []),
          ...(stored ? declaredDesignations(stored) : []),
        ]}
      />
      {profile.counterpartyCount > profile.counterparties.length && (
        <p className="hint small">
          {profile.counterpartyCount.toLocaleString()} counterparties: the{' '}
          {profile.counterparties.length} with the most shipments are listed (the Shipments tab’s
          pivot by counterparty lists them all).
        </p>
      )}
      <table className="data-table" aria-label="Counterparties">
        <thead>
          <tr>
            <th scope="col">Counterparty</th>
            <th scope="col" className="numeric">
              Shipments
            </th>
            <th scope="col" className="numeric">
              Value
            </th>
          </tr>
        </thead>
        <tbody>
          {profile.counterparties.map((other) => (
            <tr key={other.id}>
              <td>
                <button type="button" className="link" onClick={() => props.onOpen(other.id)}>
                  {other.name}
                </button>
              </td>
              <td className="numeric">{other.shipments.toLocaleString()}</td>
              <td className="numeric">
                {other.valueByCurrency
                  .map((entry) => `${formatAmount(entry.total)} ${entry.currency}`)
                  .join(' · ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <EntityDetailsDialog
          entityId={profile.id}
          initial={{
            name,
            kind: stored?.kind ?? 'company',
            country: stored?.country ?? '',
            identifiers: stored?.identifiers ?? [],
            flags,
          }}
          excerpts={excerpts ?? []}
          onClose={() => setEditing(false)}
        />
      )}
      {linking && (
        <LinkToClaimDialog
          target={{ type: 'entity', id: profile.id, label: `Entity ${name}` }}
          onClose={() => setLinking(false)}
        />
      )}
    </section>
  );
}
