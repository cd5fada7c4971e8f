// How fresh each analytics view is (analytics.views, from Chat.Projections' refresh records):
// bars of the data's age on a log scale, red when stale, grey when never refreshed.
import { axisTitle, ChartPanel, colors, ticksAt } from '../charts.js';
import { errorAt } from '../graphql.js';
import * as format from '../format.js';

const stateColor = { FRESH: colors.green, STALE: colors.red, UNKNOWN: colors.grey };
const stateText = { FRESH: 'fresh', STALE: 'stale', UNKNOWN: 'unknown' };

export class FreshnessPanel {
  constructor() {
    this.list = document.getElementById('views');
    this.views = [];
    this.chart = new ChartPanel(document.querySelector('[data-chart="view-freshness"]'), {
      type: 'bar',
      data: { labels: [], datasets: [{ label: 'age of the data', data: [], backgroundColor: [], borderRadius: 3, barPercentage: 0.75 }] },
      options: {
        indexAxis: 'y',
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => `${stateText[this.views[item.dataIndex].state]}: its data is ${format.seconds(item.parsed.x)} old` } },
        },
        scales: {
          x: {
            type: 'logarithmic',
            title: axisTitle('age of the data (log scale)'),
            // From under a second to an hour at least, so a fresh view's bar is short and a stale one's long.
            min: 0.5,
            suggestedMax: 3600,
            afterBuildTicks: ticksAt([1, 10, 60, 600, 3600, 36000, 86400, 864000]),
            ticks: { autoSkip: false, maxRotation: 0, callback: (v) => format.seconds(v) },
          },
          y: { grid: { display: false }, ticks: { autoSkip: false } },
        },
      },
    });
  }

  update(data, errors, now) {
    const views = data?.analytics?.views;
    if (!views) {
      this.chart.setState('error', errorAt(errors, 'analytics', 'views') ?? 'No answer for this panel.');
      return;
    }

    this.views = views;
    this.chart.chart.data.datasets[0].backgroundColor = views.map((v) => stateColor[v.state]);
    // Age floored at 1 s: a log axis has no zero.
    this.chart.show(views.map((v) => v.view), [views.map((v) => (v.stalenessSeconds == null ? null : Math.max(1, v.stalenessSeconds)))]);
    this.list.replaceChildren(...views.map((v) => this.describe(v, now)));
    if (views.every((v) => v.state === 'UNKNOWN')) {
      this.chart.setState('empty', 'No refresh on record yet: has Chat.Projections run?');
    }
  }

  describe(view, now) {
    const item = document.createElement('li');
    item.className = `view state-${view.state.toLowerCase()}`;
    item.dataset.view = view.view;
    item.dataset.state = view.state;
    const name = document.createElement('strong');
    name.textContent = view.view;
    const state = document.createElement('span');
    state.className = 'view-state';
    state.textContent = stateText[view.state];
    const detail = document.createElement('span');
    detail.textContent = view.lastRefreshedAt
      ? ` refreshed ${format.ago(view.lastRefreshedAt, now)} in ${format.seconds(view.lastRefreshDurationMs / 1000)}, ${format.count(view.rows)} rows`
      : ' no refresh on record';
    item.append(name, state, detail);
    const failing = view.lastFailedAt && (!view.lastRefreshedAt || view.lastFailedAt > view.lastRefreshedAt);
    if (failing) {
      const error = document.createElement('div');
      error.className = 'error-text';
      error.textContent = `last refresh failed ${format.ago(view.lastFailedAt, now)}: ${view.lastError}`;
      item.append(error);
    }

    return item;
  }
}
