// Messages per hour over a chosen range (analytics.hourlyActivity, from the hourly_stats view).
import { colors } from '../charts.js';
import { errorAt } from '../graphql.js';
import * as format from '../format.js';
import { everyHour, hourlyBars } from './hours.js';

export class TrafficPanel {
  constructor(onChange) {
    this.range = document.getElementById('traffic-range');
    this.range.addEventListener('change', onChange);
    this.foot = document.getElementById('traffic-foot');
    this.times = [];
    this.chart = hourlyBars(document.querySelector('[data-chart="messages-per-hour"]'),
      { label: 'messages', color: colors.blue, yTitle: 'messages / hour', times: () => this.times });
  }

  /** The range asked for, in hours. */
  get hours() {
    return Number(this.range.value);
  }

  update(data, errors, span) {
    const error = errorAt(errors, 'analytics', 'traffic');
    const series = data?.analytics?.traffic;
    if (!series) {
      this.chart.setState('error', error ?? 'No answer for this panel.');
      return;
    }

    const hours = everyHour(series.hours, span.rangeSince, span.until, (h) => h.messageCount);
    const withDay = this.hours > 24;
    this.times = hours.map((h) => h.t);
    this.chart.show(hours.map((h) => format.hour(h.t, withDay)), [hours.map((h) => h.value)]);
    const total = hours.reduce((sum, h) => sum + h.value, 0);
    const peak = hours.reduce((best, h) => (h.value > best.value ? h : best), { value: 0 });
    this.foot.textContent = total > 0
      ? `${format.count(total)} messages in the range · busiest hour ${format.hour(peak.t, true)} with ${format.count(peak.value)}`
      : '';
    if (total === 0) this.chart.setState('empty', `No messages in the ${this.range.selectedOptions[0].text}.`);
  }
}
