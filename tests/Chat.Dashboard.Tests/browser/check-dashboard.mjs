// Drives the dashboard in Debian's headless Chromium and prints what a person would see, as one
// line of JSON on stdout (Chat.Dashboard.Tests asserts on it). Screenshots go to `artifacts`.
//
//   node check-dashboard.mjs '{"url": "...", "mode": "overview" | "service-down", "artifacts": "...",
//                              "service": "Chat.Projections", "timeoutMs": 60000}'
//
// overview: waits until every chart has data, pages the room timeline (older, then newer), cuts
// the page off from /graphql to see it report Chat.Query unreachable and recover, screenshots.
// service-down: waits until `service` is shown DOWN and a view is marked stale, screenshots.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const CHARTS = ['messages-per-hour', 'ingest-throughput', 'ingest-lag', 'view-freshness', 'active-users', 'top-rooms', 'top-users'];

const config = JSON.parse(process.argv[2] ?? '{}');
const timeout = config.timeoutMs ?? 60_000;
const log = (message) => process.stderr.write(`[browser] ${message}\n`);

/** Waits for a condition; false (instead of throwing) when it does not come, so the result still says what was seen. */
async function reached(description, wait) {
  try {
    await wait;
    return true;
  } catch (error) {
    log(`not reached: ${description} (${error.message.split('\n')[0]})`);
    return false;
  }
}

const seen = (page) => page.evaluate((charts) => ({
  charts: Object.fromEntries(charts.map((name) => {
    const chart = document.querySelector(`[data-chart="${name}"]`);
    return [name, {
      state: chart?.dataset.state ?? null,
      points: Number(chart?.dataset.points ?? 0),
      labels: chart?.dataset.labels ? chart.dataset.labels.split('|') : [],
      note: chart?.querySelector('.chart-note')?.hidden ? null : chart?.querySelector('.chart-note')?.textContent ?? null,
    }];
  })),
  services: [...document.querySelectorAll('.service')].map((s) => ({
    name: s.dataset.service, state: s.dataset.state, since: s.dataset.since ?? null, text: s.innerText,
  })),
  views: [...document.querySelectorAll('.view')].map((v) => ({ view: v.dataset.view, state: v.dataset.state })),
  connection: document.getElementById('connection').dataset.connection,
  activeUsers: document.getElementById('active-now').dataset.users ?? null,
  refreshes: Number(document.body.dataset.refreshes ?? 0),
  // Wider than the window means a horizontal scroll bar: not usable on that screen.
  scrollWidth: document.documentElement.scrollWidth,
}), CHARTS);

const timelinePage = (page) => page.evaluate(() => {
  const list = document.getElementById('timeline');
  return {
    room: Number(document.getElementById('timeline-room').value),
    page: Number(list.dataset.page ?? 0),
    ids: [...list.querySelectorAll('.message')].map((m) => m.dataset.messageId),
  };
});

/** Clicks a pager button once it is enabled and waits for the page it leads to; null when it never is. */
async function turnTimelinePage(page, button, expectedPage) {
  if (!await reached(`${button} enabled`, page.waitForSelector(`${button}:not([disabled])`, { timeout }))) return null;
  await page.click(button);
  const turned = await reached(`timeline page ${expectedPage}`, page.waitForFunction(
    (n) => document.getElementById('timeline').dataset.page === String(n), expectedPage, { timeout }));
  return turned ? timelinePage(page) : null;
}

async function overview(page) {
  const allCharts = await reached('every chart has data', page.waitForFunction((charts) => charts.every((name) => {
    const chart = document.querySelector(`[data-chart="${name}"]`);
    return chart?.dataset.state === 'ok' && Number(chart.dataset.points) > 0;
  }), CHARTS, { timeout, polling: 250 }));
  await reached('the timeline has messages', page.waitForFunction(
    () => document.getElementById('timeline').dataset.state === 'ok', null, { timeout }));
  const result = { allCharts, ...(await seen(page)) };

  await page.screenshot({ path: path.join(config.artifacts, 'dashboard-1366x768.png') });
  await page.screenshot({ path: path.join(config.artifacts, 'dashboard.png'), fullPage: true });

  const first = await timelinePage(page);
  const second = await turnTimelinePage(page, '#timeline-older', 2);
  const firstAgain = await turnTimelinePage(page, '#timeline-newer', 1);
  result.timeline = { first, second, firstAgain };

  // Chat.Query unreachable, as the browser sees it: every request to /graphql fails.
  await page.route('**/graphql', (route) => route.abort('connectionrefused'));
  const reported = await reached('the unreachable banner', page.waitForSelector('#unreachable:not([hidden])', { timeout }));
  const banner = reported ? await page.textContent('#unreachable') : null;
  const whileDown = await seen(page);
  if (reported) await page.screenshot({ path: path.join(config.artifacts, 'dashboard-query-unreachable.png') });
  await page.unroute('**/graphql');
  const recovered = await reached('the banner gone again', page.waitForSelector('#unreachable', { state: 'hidden', timeout }));
  result.unreachable = { banner, connection: whileDown.connection, queryService: whileDown.services[0] ?? null, recovered };
  return result;
}

async function serviceDown(page) {
  const shown = await reached(`${config.service} shown down`, page.waitForSelector(
    `.service[data-service="${config.service}"][data-state="DOWN"]`, { timeout }));
  const stale = await reached('a view marked stale', page.waitForSelector('.view[data-state="STALE"]', { timeout }));
  const result = { shown, stale, ...(await seen(page)) };
  await page.screenshot({ path: path.join(config.artifacts, `dashboard-${config.service.replace(/\W+/g, '-').toLowerCase()}-down.png`), fullPage: true });
  return result;
}

await mkdir(config.artifacts, { recursive: true });
// A fresh profile for every run: nothing cached or remembered from an earlier one.
const profile = await mkdtemp(path.join(tmpdir(), 'chat-dashboard-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: config.chromium ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    viewport: { width: 1366, height: 768 },
  });
  const page = context.pages()[0] ?? await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') log(`console: ${message.text()}`); });
  await page.goto(config.url, { timeout });
  const result = config.mode === 'service-down' ? await serviceDown(page) : await overview(page);
  process.stdout.write(`${JSON.stringify({ ...result, pageErrors })}\n`);
} finally {
  await context?.close();
  await rm(profile, { recursive: true, force: true });
}
