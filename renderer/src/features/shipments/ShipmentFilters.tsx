import { useEffect, useId, useState } from 'react';
import type { Dataset } from '#shared/customs/dataset';
import { datasetLabels } from '#shared/customs/datasetLabel';
import type { ShipmentFilter } from '#shared/customs/shipmentFilter';
import { EntityPicker } from '../entities';
import type { EngineState } from '../../case/shipments/useShipmentEngine';
import { shipmentEngine } from '../../case/shipments/shipmentWorkerClient';

type TextKey = Exclude<
  keyof ShipmentFilter,
  | 'partyRole'
  | 'datasetIds'
  | 'shipperEntity'
  | 'consigneeEntity'
  | 'designated'
  | 'designatedList'
  | 'designatedSince'
>;

/** The lists the case's designations are on, as the engine has them now. */
function useDesignationLists(engine: EngineState): string[] {
  const [lists, setLists] = useState<{ key: string; lists: string[] } | null>(null);
  useEffect(() => {
    let live = true;
    void shipmentEngine()
      .designationLists()
      .then((found) => live && setLists({ key: engine.key, lists: found }));
    return () => {
      live = false;
    };
  }, [engine.key]);
  return lists?.lists ?? [];
}

export function ShipmentFilters(props: {
  filter: ShipmentFilter;
  onChange: (filter: ShipmentFilter) => void;
  datasets: Dataset[];
  engine: EngineState;
}) {
  const { filter, onChange } = props;
  const id = useId();
  const lists = useDesignationLists(props.engine);
  const labels = datasetLabels(props.datasets);
  const text = (
    key: TextKey,
    label: string,
    options: { placeholder?: string; type?: string; size?: number } = {},
  ) => (
    <div className="filter">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        autoComplete="off"
        id={`${id}-${key}`}
        type={options.type ?? 'text'}
        value={filter[key]}
        size={options.size}
        placeholder={options.placeholder}
        onChange={(event) => onChange({ ...filter, [key]: event.target.value })}
      />
    </div>
  );
  return (
    <div className="filters shipment-filters" role="search" aria-label="Filter shipments">
      {text('party', 'Party', { placeholder: 'e.g. poly tech', size: 18 })}
      <div className="filter">
        <label htmlFor={`${id}-role`}>Party role</label>
        <select
          autoComplete="off"
          id={`${id}-role`}
          value={filter.partyRole}
          onChange={(event) =>
            onChange({ ...filter, partyRole: event.target.value as ShipmentFilter['partyRole'] })
          }
        >
          <option value="either">Shipper or consignee</option>
          <option value="shipper">Shipper</option>
          <option value="consignee">Consignee</option>
        </select>
      </div>
      <EntityPicker
        label="Shipper entity"
        value={filter.shipperEntity}
        engine={props.engine}
        onChange={(shipperEntity) => onChange({ ...filter, shipperEntity })}
      />
      <EntityPicker
        label="Consignee entity"
        value={filter.consigneeEntity}
        engine={props.engine}
        onChange={(consigneeEntity) => onChange({ ...filter, consigneeEntity })}
      />
      {text('dateFrom', 'From date', { type: 'date' })}
      {text('dateTo', 'To date', { type: 'date' })}
      {text('hsPrefix', 'HS code starts with', { size: 8 })}
      {text('originCountry', 'Origin country', { placeholder: 'CN or China', size: 10 })}
      {text('destinationCountry', 'Destination country', { placeholder: 'RU or Россия', size: 10 })}
      {text('words', 'Description words', { placeholder: 'e.g. helicopter rotor', size: 18 })}
      {text('declaration', 'Declaration or B/L no.', { size: 12 })}
      {text('valueMin', 'Value from', { size: 8 })}
      {text('valueMax', 'Value to', { size: 8 })}
      {text('weightMin', 'Weight from (kg)', { size: 8 })}
      {text('weightMax', 'Weight to (kg)', { size: 8 })}
      <div className="filter">
        <label htmlFor={`${id}-designated`}>Designated at the time</label>
        <select
          autoComplete="off"
          id={`${id}-designated`}
          value={filter.designated}
          title="By a designation of a sanctions match the case confirmed, or a sanctions flag declared with its date, certainly in force on the shipment’s date"
          onChange={(event) =>
            onChange({
              ...filter,
              designated: event.target.value as ShipmentFilter['designated'],
              // Which list and since when narrow a designated filter; with none they go.
              ...(event.target.value ? {} : { designatedList: '', designatedSince: '' }),
            })
          }
        >
          <option value="">Any shipment</option>
          <option value="either">Shipper or consignee designated</option>
          <option value="shipper">Shipper designated</option>
          <option value="consignee">Consignee designated</option>
        </select>
      </div>
      {filter.designated && (
        <>
          <div className="filter">
            <label htmlFor={`${id}-designatedList`}>On list</label>
            <select
              autoComplete="off"
              id={`${id}-designatedList`}
              value={filter.designatedList}
              onChange={(event) => onChange({ ...filter, designatedList: event.target.value })}
            >
              <option value="">Any list</option>
              {[...new Set([...lists, filter.designatedList].filter(Boolean))].map((list) => (
                <option key={list} value={list}>
                  {list}
                </option>
              ))}
            </select>
          </div>
          <div className="filter">
            <label htmlFor={`${id}-designatedSince`}>Designated from</label>
            <input
              autoComplete="off"
              id={`${id}-designatedSince`}
              type="date"
              value={filter.designatedSince}
              title="Only designations that certainly began on or after this day"
              onChange={(event) => onChange({ ...filter, designatedSince: event.target.value })}
            />
          </div>
        </>
      )}
      <div className="filter">
        <label htmlFor={`${id}-dataset`}>Dataset</label>
        <select
          autoComplete="off"
          id={`${id}-dataset`}
          value={filter.datasetIds[0] ?? ''}
          onChange={(event) =>
            onChange({ ...filter, datasetIds: event.target.value ? [event.target.value] : [] })
          }
        >
          <option value="">All datasets</option>
          {props.datasets.map((dataset) => (
            <option key={dataset.id} value={dataset.id}>
              {labels.get(dataset.id)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
