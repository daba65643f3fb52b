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
import { monthInPeriod } from '#shared/sanctions/designationPeriods';
import type { Designation } from '#shared/sanctions/ftm';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** A designation of the entity, shown over the months it covers. */
export type ChartedDesignation = { label: string; designation: Designation };

/** Each month's designations: those covering it whole, and those covering part of it or maybe. */
function coverage(months: EntityProfile['months'], designations: readonly ChartedDesignation[]) {
  return months.map(({ month }) => {
    const places = designations.map((entry) => ({
      entry,
      place: monthInPeriod(month, entry.designation),
    }));
    return {
      whole: places.filter(({ place }) => place === 'inside').map(({ entry }) => entry.label),
      partly: places.filter(({ place }) => place === 'partly').map(({ entry }) => entry.label),
    };
  });
}

/**
 * Shipments per month, as shipper and as consignee (Chart.js, drawn on a canvas in the task after
 * the page's first frame, which then marks it `data-drawn`), with the months inside a designation
 * period of the entity shaded (lighter where only part of the month is, or a partial date leaves it
 * open). The same figures follow as a table for screen readers and for checking.
 */
export function MonthlyChart({
  months,
  name,
  designations = [],
}: {
  months: EntityProfile['months'];
  name: string;
  designations?: readonly ChartedDesignation[];
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const covered = coverage(months, designations);
  const coveredKey = JSON.stringify(covered);
  useEffect(() => {
    const element = canvas.current;
    if (!element) return undefined;
    const shading = JSON.parse(coveredKey) as ReturnType<typeof coverage>;
    const draw = () =>
      new Chart(element, {
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
        plugins: [
          {
            id: 'designationPeriods',
            beforeDatasetsDraw: ({ ctx, chartArea, scales }) => {
              const x = scales.x;
              const width =
                months.length > 0 ? (chartArea.right - chartArea.left) / months.length : 0;
              shading.forEach((month, index) => {
                if (month.whole.length === 0 && month.partly.length === 0) return;
                ctx.save();
                ctx.fillStyle =
                  month.whole.length > 0 ? 'rgba(190, 30, 45, 0.16)' : 'rgba(190, 30, 45, 0.07)';
                ctx.fillRect(
                  x.getPixelForValue(index) - width / 2,
                  chartArea.top,
                  width,
                  chartArea.bottom - chartArea.top,
                );
                ctx.restore();
              });
            },
          },
        ],
      });
    // Drawn once the page's figures are on screen, in the task after their frame: making the chart
    // took 20-25 ms of the UI thread (100 ms the first time) between the click and the page.
    let chart: Chart | null = null;
    let timer: number | undefined;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => {
        chart = draw();
        element.dataset.drawn = 'true';
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
      chart?.destroy();
      delete element.dataset.drawn;
    };
  }, [months, coveredKey]);
  const anyCovered = covered.some((month) => month.whole.length + month.partly.length > 0);
  return (
    <figure className="monthly-chart">
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={`Shipments per month of ${name}`} />
      </div>
      {anyCovered && (
        <figcaption className="hint small">
          Shaded: months inside a designation period of a confirmed match or a declared sanctions
          flag ({designations.map((entry) => entry.label).join('; ')}); lighter where only part of
          the month is, or the list’s date leaves it open.
        </figcaption>
      )}
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
              {designations.length > 0 && <th scope="col">Designated</th>}
            </tr>
          </thead>
          <tbody>
            {months.map((entry, index) => (
              <tr key={entry.month}>
                <td>{entry.month}</td>
                <td className="numeric">{entry.asShipper}</td>
                <td className="numeric">{entry.asConsignee}</td>
                {designations.length > 0 && (
                  <td>
                    {[
                      ...covered[index].whole,
                      ...covered[index].partly.map(
                        (label) => `${label} (part of the month or uncertain)`,
                      ),
                    ].join('; ') || '—'}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
