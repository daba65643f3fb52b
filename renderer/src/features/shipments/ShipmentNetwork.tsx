import cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import type { ShipmentNetwork as Network } from '#shared/customs/shipmentGroups';
import type { ShipmentFilter } from '#shared/customs/shipmentFilter';
import { shipmentEngine } from '../../case/shipments/shipmentWorkerClient';
import { plural } from '../../ui/formatting';
import { GroupFigureCells, GroupFigureHeads } from './GroupFigures';

/** Edges drawn (the heaviest); the table lists the same ones. */
const EDGES = 60;

/** The filter that opens one edge's shipments: the filter, from its shipper to its consignee. */
const edgeFilter = (filter: ShipmentFilter, network: Network, edge: Network['edges'][number]) => ({
  ...filter,
  shipperEntity: network.nodes[edge.shipper].id,
  consigneeEntity: network.nodes[edge.consignee].id,
});

/**
 * Each node's ring, the busiest in the middle: ring 0 holds the busiest node, ring k the next 6k
 * (a ring per rank would string the nodes out in a line).
 */
function ringsByWeight(weights: number[]): number[] {
  const rings = new Array<number>(weights.length);
  const ranked = weights.map((_, index) => index).sort((a, b) => weights[b] - weights[a] || a - b);
  let ring = 0;
  let left = 1;
  for (const index of ranked) {
    if (left === 0) {
      ring += 1;
      left = 6 * ring;
    }
    rings[index] = ring;
    left -= 1;
  }
  return rings;
}

/**
 * Who shipped to whom under the filter, drawn with Cytoscape.js: an arrow per shipper and
 * consignee pair, as thick as its distinct shipments. Clicking an arrow opens its shipments. The
 * table beside it holds the same edges, for the keyboard and screen readers.
 */
function NetworkGraph({
  network,
  onOpen,
}: {
  network: Network;
  onOpen: (edge: Network['edges'][number]) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const open = useRef(onOpen);
  useEffect(() => {
    open.current = onOpen;
  });
  useEffect(() => {
    if (!container.current) return undefined;
    const heaviest = Math.max(1, ...network.edges.map((edge) => edge.shipments));
    const ring = ringsByWeight(network.nodes.map((node) => node.shipments));
    const graph = cytoscape({
      container: container.current,
      elements: [
        ...network.nodes.map((node, index) => ({
          data: { id: `n${index}`, label: node.name, ring: ring[index] },
        })),
        ...network.edges.map((edge, index) => ({
          data: {
            id: `e${index}`,
            source: `n${edge.shipper}`,
            target: `n${edge.consignee}`,
            // Words fit a few arrows; a crowded graph gets the bare count.
            label:
              network.edges.length > 12
                ? String(edge.shipments)
                : plural(edge.shipments, 'shipment', 'shipments'),
            width: 1 + (7 * edge.shipments) / heaviest,
          },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'font-size': 11,
            'text-valign': 'top',
            'text-margin-y': -4,
            'text-wrap': 'ellipsis',
            'text-max-width': '160px',
            'background-color': '#2f6fb5',
            width: 14,
            height: 14,
          },
        },
        {
          selector: 'edge',
          style: {
            width: 'data(width)',
            label: 'data(label)',
            'font-size': 10,
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.8,
            'text-background-padding': '2px',
            'curve-style': 'bezier',
            'control-point-step-size': 60,
            'target-arrow-shape': 'triangle',
            'line-color': '#8a9bb0',
            'target-arrow-color': '#8a9bb0',
          },
        },
      ],
      // Placed the same way every time: the busiest entities in the middle.
      layout: {
        name: 'concentric',
        concentric: (node) => -Number(node.data('ring')),
        levelWidth: () => 1,
        minNodeSpacing: 110,
        animate: false,
      },
      // Fitting two nodes would blow their labels up; beyond this zoom the graph stays centred.
      maxZoom: 1.25,
      minZoom: 0.1,
      userZoomingEnabled: true,
      boxSelectionEnabled: false,
    });
    graph.on('tap', 'edge', (event) => {
      const tapped = event.target as cytoscape.EdgeSingular;
      const edge = network.edges[Number(tapped.id().slice(1))];
      if (edge) open.current(edge);
    });
    return () => graph.destroy();
  }, [network]);
  return (
    <div
      ref={container}
      className="network-graph"
      role="img"
      aria-label="Graph of who shipped to whom; the table beside it lists the same arrows"
    />
  );
}

/** The network of the filter's shipments, as a graph and as a table of its edges. */
export function ShipmentNetwork(props: {
  filter: ShipmentFilter;
  onOpen: (filter: ShipmentFilter) => void;
}) {
  const { filter } = props;
  const [network, setNetwork] = useState<(Network & { around: string }) | null>(null);
  useEffect(() => {
    let live = true;
    void shipmentEngine()
      .network(filter, EDGES)
      .then((answer) => live && answer && setNetwork(answer));
    return () => {
      live = false;
    };
  }, [filter]);
  if (!network) return <p aria-busy="true">Drawing the network…</p>;
  if (network.edges.length === 0)
    return (
      <p className="hint">No shipments under this filter name both a shipper and a consignee.</p>
    );
  const openEdge = (edge: Network['edges'][number]) =>
    props.onOpen(edgeFilter(filter, network, edge));
  const around = network.around
    ? (network.nodes.find((node) => node.id === network.around)?.name ?? 'the filter’s entity')
    : null;
  return (
    <section className="shipment-network" aria-label="Network">
      <NetworkGraph network={network} onOpen={openEdge} />
      <div className="network-table">
        <table className="data-table" aria-label="Who shipped to whom">
          <thead>
            <tr>
              <th scope="col">Shipper</th>
              <th scope="col">Consignee</th>
              <GroupFigureHeads />
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {network.edges.map((edge) => {
              const from = network.nodes[edge.shipper].name;
              const to = network.nodes[edge.consignee].name;
              return (
                <tr key={`${edge.shipper}-${edge.consignee}`}>
                  <td>{from}</td>
                  <td>{to}</td>
                  <GroupFigureCells figures={edge} />
                  <td>
                    <button
                      type="button"
                      className="link"
                      aria-label={`Show the shipments from ${from} to ${to}`}
                      onClick={() => openEdge(edge)}
                    >
                      Show shipments
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="hint small">
          {around && `The trade of ${around} both ways, under the rest of the filter. `}
          Each shipment counts once, by the first row reporting it.
          {network.edgeCount > network.edges.length &&
            ` Showing the ${network.edges.length} heaviest of ${plural(network.edgeCount, 'pair', 'pairs')}: narrow the filter to see the others.`}
        </p>
      </div>
    </section>
  );
}
