// Hourly bar charts: the API's hourly series leave out hours without messages; charts want every hour.
import { axisTitle, ChartPanel } from '../charts.js';
import * as format from '../format.js';

const HOUR_MS = 3600_000;

/** Every hour from the one holding `since` to `until`, with value(row) for the hours the API gave and 0 for the rest. */
export function everyHour(rows, since, until, value) {
  const byHour = new Map(rows.map((row) => [new Date(row.hour).getTime(), value(row)]));
  const hours = [];
  for (let t = Math.floor(since.getTime() / HOUR_MS) * HOUR_MS; t < until.getTime(); t += HOUR_MS) {
    hours.push({ t, value: byHour.get(t) ?? 0 });
  }
  return hours;
}

/** A bar per hour; `times()` gives each bar's hour, for its tooltip. */
export function hourlyBars(body, { label, color, yTitle, times }) {
  return new ChartPanel(body, {
    type: 'bar',
    data: { labels: [], datasets: [{ label, data: [], backgroundColor: color, borderRadius: 2, categoryPercentage: 0.95, barPercentage: 0.95 }] },
    options: {
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => format.instant(times()[items[0].dataIndex]),
            label: (item) => `${format.count(item.parsed.y)} ${label}`,
          },
        },
      },
      scales: {
        x: { title: axisTitle(`hour (${format.timeZoneName()})`), grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 14 } },
        y: { title: axisTitle(yTitle), beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  });
}
