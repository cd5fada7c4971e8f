// Active users: right now (activeUsers over the last minutes, exact, from the log) and per hour
// over the last 24 hours (analytics.hourlyActivity's uniqueUsers, from the hourly_stats view).
import { axisTitle, ChartPanel, colors } from '../charts.js';
import { errorAt } from '../graphql.js';
import * as format from '../format.js';
import { everyHour } from './hours.js';

export class ActiveUsersPanel {
  constructor() {
    this.headline = document.getElementById('active-now');
    this.kpi = document.getElementById('kpi-active');
    this.times = [];
    this.chart = new ChartPanel(document.querySelector('[data-chart="active-users"]'), {
      type: 'bar',
      data: { labels: [], datasets: [{ label: 'distinct users', data: [], backgroundColor: colors.teal, borderRadius: 2, categoryPercentage: 0.95, barPercentage: 0.95 }] },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => format.instant(this.times[items[0].dataIndex]),
              label: (item) => `${format.count(item.parsed.y)} distinct users`,
            },
          },
        },
        scales: {
          x: { title: axisTitle(`hour (${format.timeZoneName()})`), grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
          y: { title: axisTitle('users / hour'), beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
  }

  update(data, errors, window) {
    const now = data?.activeNow;
    this.kpi.textContent = now ? format.count(now.users) : '–';
    this.headline.textContent = now
      ? `${format.count(now.users)} in the last ${window.activeMinutes} min`
      : errorAt(errors, 'activeNow') ?? '';
    this.headline.dataset.users = now ? String(now.users) : '';

    const day = data?.analytics?.day;
    if (!day) {
      this.chart.setState('error', errorAt(errors, 'analytics', 'day') ?? 'No answer for this panel.');
      return;
    }

    const hours = everyHour(day.hours, window.daySince, window.until, (h) => h.uniqueUsers);
    this.times = hours.map((h) => h.t);
    this.chart.show(hours.map((h) => format.hour(h.t, false)), [hours.map((h) => h.value)]);
    if (!hours.some((h) => h.value > 0)) this.chart.setState('empty', 'Nobody posted in the last 24 hours.');
  }
}
