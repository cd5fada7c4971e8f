// Chart.js, registered with only what the dashboard draws, and one wrapper per chart panel that
// updates in place on each refresh and says in the DOM what it shows (data-state, data-points),
// for people (a note over the chart) and for the browser test.
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController,
  LineElement, LogarithmicScale, PointElement, Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController,
  LineElement, LogarithmicScale, PointElement, Tooltip);

export const colors = {
  blue: '#2f6fdf',
  teal: '#13a38a',
  orange: '#e8871e',
  red: '#d64545',
  purple: '#7b5cd6',
  grey: '#9aa3ae',
  green: '#2f9e44',
};

Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif';
Chart.defaults.font.size = 12;
Chart.defaults.color = '#4a5360';
Chart.defaults.borderColor = '#e3e7ec';
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.plugins.legend.labels.boxWidth = 12;
Chart.defaults.plugins.legend.labels.boxHeight = 12;

/**
 * A log axis's ticks at the given values only (those within its range): Chart.js would put one at
 * every 1..9 of each decade, too many to label.
 */
export const ticksAt = (values) => (axis) => {
  axis.ticks = values.filter((v) => v >= axis.min && v <= axis.max).map((value) => ({ value }));
};

/** A time axis's ticks at whole multiples of `step` milliseconds (whole minutes, say), not at odd offsets from its start. */
export const ticksEvery = (step) => (axis) => {
  const ticks = [];
  for (let t = Math.ceil(axis.min / step) * step; t <= axis.max; t += step) ticks.push({ value: t });
  axis.ticks = ticks;
};

/** An axis title: what is measured and in which unit. */
export const axisTitle = (text) => ({ display: true, text, font: { size: 11, weight: '600' } });

export class ChartPanel {
  /** @param {HTMLElement} body the panel's chart area (a .chart element holding a canvas) */
  constructor(body, config) {
    this.body = body;
    this.note = document.createElement('div');
    this.note.className = 'chart-note';
    body.append(this.note);
    this.chart = new Chart(body.querySelector('canvas'), config);
    this.setState('loading', 'Loading…');
  }

  /**
   * New data: labels and each dataset's values (same order as the config's datasets). data-points
   * counts the first dataset's values that are neither missing nor zero: what there is to see.
   */
  show(labels, data) {
    this.chart.data.labels = labels;
    data.forEach((values, i) => { this.chart.data.datasets[i].data = values; });
    this.chart.update('none');
    const value = (v) => (v != null && typeof v === 'object' ? v.y : v);
    this.body.dataset.points = String(data[0].filter((v) => value(v) != null && value(v) !== 0).length);
    this.body.dataset.labels = labels.join('|');
    this.setState('ok', '');
  }

  /** A note instead of (or over) the data: 'error', 'not-configured'; the last data stays, dimmed. */
  setState(state, text) {
    this.body.dataset.state = state;
    this.note.textContent = text;
    this.note.hidden = !text;
  }
}
