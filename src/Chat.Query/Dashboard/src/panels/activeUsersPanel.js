// Active users: right now (activeUsers over the last minutes, exact, from the log) and per hour
// over the last 24 hours (analytics.hourlyActivity's uniqueUsers, from the hourly_stats view).
import { colors } from '../charts.js';
import { errorAt } from '../graphql.js';
import * as format from '../format.js';
import { everyHour, hourlyBars } from './hours.js';

export class ActiveUsersPanel {
  constructor() {
    this.headline = document.getElementById('active-now');
    this.kpi = document.getElementById('kpi-active');
    this.times = [];
    this.chart = hourlyBars(document.querySelector('[data-chart="active-users"]'),
      { label: 'distinct users', color: colors.teal, yTitle: 'users / hour', times: () => this.times });
  }

  update(data, errors, span) {
    const now = data?.activeNow;
    this.kpi.textContent = now ? format.count(now.users) : '–';
    this.headline.textContent = now
      ? `${format.count(now.users)} in the last ${span.activeMinutes} min`
      : errorAt(errors, 'activeNow') ?? '';
    this.headline.dataset.users = now ? String(now.users) : '';

    const day = data?.analytics?.day;
    if (!day) {
      this.chart.setState('error', errorAt(errors, 'analytics', 'day') ?? 'No answer for this panel.');
      return;
    }

    const hours = everyHour(day.hours, span.daySince, span.until, (h) => h.uniqueUsers);
    this.times = hours.map((h) => h.t);
    this.chart.show(hours.map((h) => format.hour(h.t, false)), [hours.map((h) => h.value)]);
    if (!hours.some((h) => h.value > 0)) this.chart.setState('empty', 'Nobody posted in the last 24 hours.');
  }
}
