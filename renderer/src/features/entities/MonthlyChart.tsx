import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import type { EntityProfile } from '#shared/customs/entityProfile';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/**
 * Shipments per month, as shipper and as consignee (Chart.js, drawn on a canvas). The same figures
 * follow as a table for screen readers and for checking.
 */
export function MonthlyChart({ months, name }: { months: EntityProfile['months']; name: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: months.map((entry) => entry.month),
        datasets: [
          {
            label: 'As shipper',
            data: months.map((entry) => entry.asShipper),
            backgroundColor: '#2f6fb5',
          },
          {
            label: 'As consignee',
            data: months.map((entry) => entry.asConsignee),
            backgroundColor: '#c77c2e',
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
    return () => chart.destroy();
  }, [months]);
  return (
    <figure className="monthly-chart">
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={`Shipments per month of ${name}`} />
      </div>
      <details>
        <summary>Shipments per month as a table</summary>
        <table className="data-table" aria-label={`Shipments per month of ${name}, table`}>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="numeric">
                As shipper
              </th>
              <th scope="col" className="numeric">
                As consignee
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map((entry) => (
              <tr key={entry.month}>
                <td>{entry.month}</td>
                <td className="numeric">{entry.asShipper}</td>
                <td className="numeric">{entry.asConsignee}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
