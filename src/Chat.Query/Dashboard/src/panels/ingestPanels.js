// The ingest's throughput and end-to-end lag over the last minutes (pipeline.ingest: Chat.Query
// samples every Chat.Ingest instance's /metrics; the browser never talks to the ingest).
import { axisTitle, ChartPanel, colors, ticksAt, ticksEvery } from '../charts.js';
import { errorAt } from '../graphql.js';
import * as format from '../format.js';

const NOT_CONFIGURED = 'Chat.Ingest is not watched by this Chat.Query: set Pipeline__Ingest__0 to its address (docs/DASHBOARD.md).';

// Time on x: clock times of the last minutes (setWindow sets the range and the tick step).
const timeAxis = () => ({
  type: 'linear',
  title: axisTitle(`time (${format.timeZoneName()})`),
  ticks: { maxRotation: 0, autoSkipPadding: 16, callback: (v) => format.time(v) },
  grid: { display: false },
});

const line = (label, color, fill = false) => ({
  label, data: [], borderColor: color, backgroundColor: `${color}33`, fill, borderWidth: 2, pointRadius: 0, pointHitRadius: 6, spanGaps: false, tension: 0.2,
});

function setWindow(chart, span, minutes) {
  const x = chart.chart.options.scales.x;
  x.max = span.until.getTime();
  x.min = x.max - minutes * 60_000;
  x.afterBuildTicks = ticksEvery(minutes <= 1 ? 15_000 : minutes <= 5 ? 60_000 : 300_000);
}

export class ThroughputPanel {
  constructor(onChange) {
    this.minutesSelect = document.getElementById('ingest-minutes');
    this.minutesSelect.addEventListener('change', onChange);
    this.foot = document.getElementById('throughput-foot');
    this.kpi = document.getElementById('kpi-rate');
    this.chart = new ChartPanel(document.querySelector('[data-chart="ingest-throughput"]'), {
      type: 'line',
      data: { datasets: [line('stored', colors.blue, true), line('duplicates', colors.orange), line('rejected', colors.red)] },
      options: {
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { title: (items) => format.time(items[0].parsed.x), label: (item) => `${item.dataset.label}: ${format.rate(item.parsed.y)} / s` } },
        },
        scales: { x: timeAxis(), y: { title: axisTitle('messages / s'), beginAtZero: true } },
      },
    });
  }

  get minutes() {
    return Number(this.minutesSelect.value);
  }

  update(data, errors, span) {
    const ingest = data?.pipeline?.ingest;
    if (!ingest) {
      this.kpi.textContent = '–';
      this.chart.setState('error', errorAt(errors, 'pipeline') ?? 'No answer for this panel.');
      return;
    }

    if (ingest.instances === 0) {
      this.kpi.textContent = '–';
      this.foot.textContent = '';
      this.chart.show([], [[], [], []]);
      this.chart.setState('not-configured', NOT_CONFIGURED);
      return;
    }

    // An interval in which no instance answered has no figure (a gap), not zero.
    const point = (s, value) => ({ x: new Date(s.at).getTime(), y: s.instancesAnswering > 0 ? value : null });
    const samples = ingest.samples;
    setWindow(this.chart, span, this.minutes);
    this.chart.show([], [
      samples.map((s) => point(s, s.storedPerSecond)),
      samples.map((s) => point(s, s.duplicatesPerSecond)),
      samples.map((s) => point(s, s.rejectedPerSecond)),
    ]);
    this.chart.body.dataset.samples = String(samples.length);
    const latest = samples.at(-1);
    this.kpi.textContent = latest && latest.instancesAnswering > 0 ? format.rate(latest.storedPerSecond) : '–';
    this.foot.textContent = latest
      ? `average ${format.rate(ingest.storedPerSecond)} / s over ${this.minutes} min · ${latest.instancesConsuming} of ${ingest.instances} instance${ingest.instances > 1 ? 's' : ''} consuming · sampled every ${format.seconds(data.pipeline.sampleIntervalSeconds)}`
      : 'Waiting for the first samples…';
    if (samples.length === 0) this.chart.setState('empty', 'Waiting for the first samples…');
  }
}

export class LagPanel {
  constructor() {
    this.foot = document.getElementById('lag-foot');
    this.chart = new ChartPanel(document.querySelector('[data-chart="ingest-lag"]'), {
      type: 'line',
      data: { datasets: [line('p50', colors.teal), line('p95', colors.orange), line('p99', colors.red)] },
      options: {
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { title: (items) => format.time(items[0].parsed.x), label: (item) => `${item.dataset.label}: ${format.seconds(item.parsed.y)}` } },
        },
        scales: {
          x: timeAxis(),
          y: {
            type: 'logarithmic',
            title: axisTitle('lag (log scale)'),
            afterBuildTicks: ticksAt([0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 3600]),
            ticks: { autoSkip: false, callback: (v) => format.seconds(v) },
          },
        },
      },
    });
  }

  update(data, errors, span, minutes) {
    const ingest = data?.pipeline?.ingest;
    if (!ingest) {
      this.chart.setState('error', errorAt(errors, 'pipeline') ?? 'No answer for this panel.');
      return;
    }

    if (ingest.instances === 0) {
      this.foot.textContent = '';
      this.chart.show([], [[], [], []]);
      this.chart.setState('not-configured', NOT_CONFIGURED);
      return;
    }

    const point = (s, value) => ({ x: new Date(s.at).getTime(), y: value });
    setWindow(this.chart, span, minutes);
    this.chart.show([], ['lagP50Seconds', 'lagP95Seconds', 'lagP99Seconds'].map((key) => ingest.samples.map((s) => point(s, s[key]))));
    const bounds = ingest.lagBucketBoundsSeconds;
    const resolution = bounds.length
      ? ` Histogram estimate: buckets end at ${bounds.slice(0, 8).map(format.seconds).join(', ')}${bounds.length > 8 ? ', …' : ''}.`
      : '';
    this.foot.textContent = ingest.lagP50Seconds == null
      ? `No message stored in the last ${minutes} min.${resolution}`
      : `over ${minutes} min: p50 ${format.seconds(ingest.lagP50Seconds)} · p95 ${format.seconds(ingest.lagP95Seconds)} · p99 ${format.seconds(ingest.lagP99Seconds)}.${resolution}`;
    if (ingest.lagP50Seconds == null) this.chart.setState('empty', `No message stored in the last ${minutes} min.`);
  }
}
