// Messages per hour over a chosen range (analytics.hourlyActivity, from the hourly_stats view).
import { axisTitle, ChartPanel, colors } from '../charts.js';
import { errorAt } from '../graphql.js';
import * as format from '../format.js';
import { everyHour, HOUR_MS } from './hours.js';

export class TrafficPanel {
  constructor(onChange) {
    this.range = document.getElementById('traffic-range');
    this.range.addEventListener('change', onChange);
    this.foot = document.getElementById('traffic-foot');
    this.times = [];
    this.chart = new ChartPanel(document.querySelector('[data-chart="messages-per-hour"]'), {
      type: 'bar',
      data: { labels: [], datasets: [{ label: 'messages', data: [], backgroundColor: colors.blue, borderRadius: 2, categoryPercentage: 0.95, barPercentage: 0.95 }] },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => format.instant(this.times[items[0].dataIndex]),
              label: (item) => `${format.count(item.parsed.y)} messages`,
            },
          },
        },
        scales: {
          x: { title: axisTitle(`hour (${format.timeZoneName()})`), grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 16 } },
          y: { title: axisTitle('messages / hour'), beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
  }

  /** The range asked for, in hours. */
  get hours() {
    return Number(this.range.value);
  }

  update(data, errors, window) {
    const error = errorAt(errors, 'analytics', 'traffic');
    const series = data?.analytics?.traffic;
    if (!series) {
      this.chart.setState('error', error ?? 'No answer for this panel.');
      return;
    }

    const hours = everyHour(series.hours, window.rangeSince, window.until, (h) => h.messageCount);
    const withDay = this.hours > 24;
    this.times = hours.map((h) => h.t);
    this.chart.show(hours.map((h) => format.hour(h.t, withDay)), [hours.map((h) => h.value)]);
    const total = hours.reduce((sum, h) => sum + h.value, 0);
    const peak = hours.reduce((best, h) => (h.value > best.value ? h : best), { value: 0 });
    this.foot.textContent = total > 0
      ? `${format.count(total)} messages in the range · busiest hour ${format.hour(peak.t, true)} with ${format.count(peak.value)}`
      : '';
    if (total === 0) this.chart.setState('empty', `No messages in the ${this.range.selectedOptions[0].text}.`);
    this.chart.body.dataset.range = String(this.hours * HOUR_MS / 1000);
  }
}
