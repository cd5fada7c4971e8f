// The live dashboard: every few seconds three GraphQL queries (the traffic panels, the pipeline
// panels, the room timeline) against the /graphql of the service that served the page.
import './style.css';
import { Connection } from './connection.js';
import { query, serverNow, Unreachable } from './graphql.js';
import * as format from './format.js';
import overviewDocument from './queries/overview.graphql?raw';
import pipelineDocument from './queries/pipeline.graphql?raw';
import { ActiveUsersPanel } from './panels/activeUsersPanel.js';
import { FreshnessPanel } from './panels/freshnessPanel.js';
import { LagPanel, ThroughputPanel } from './panels/ingestPanels.js';
import { ServicesPanel } from './panels/servicesPanel.js';
import { TimelinePanel } from './panels/timelinePanel.js';
import { TopRoomsPanel, TopUsersPanel } from './panels/topListsPanels.js';
import { TrafficPanel } from './panels/trafficPanel.js';

// ?refresh=N sets the refresh interval in seconds (default 5, at least 1).
const refreshSeconds = Math.max(1, Number(new URLSearchParams(window.location.search).get('refresh')) || 5);
const ACTIVE_MINUTES = 5;
const TOP = 10;

const connection = new Connection(refreshSeconds);
const timeline = new TimelinePanel();
const traffic = new TrafficPanel(refreshNow);
const throughput = new ThroughputPanel(refreshNow);
const lag = new LagPanel();
const services = new ServicesPanel();
const freshness = new FreshnessPanel();
const activeUsers = new ActiveUsersPanel();
const topRooms = new TopRoomsPanel(refreshNow, (roomId) => timeline.select(roomId));
const topUsers = new TopUsersPanel();

let wake = () => {};
let refreshes = 0;

/** Refresh at once (after a control changed) instead of at the next tick. */
function refreshNow() {
  wake();
}

async function refresh() {
  const until = serverNow();
  // The times this refresh asks about, by the server's clock.
  const span = {
    until,
    rangeSince: new Date(until - traffic.hours * 3600_000),
    daySince: new Date(until - 24 * 3600_000),
    activeMinutes: ACTIVE_MINUTES,
  };
  try {
    const [overview, pipeline] = await Promise.all([
      query(overviewDocument, {
        rangeSince: span.rangeSince.toISOString(),
        daySince: span.daySince.toISOString(),
        until: until.toISOString(),
        activeSince: new Date(until - ACTIVE_MINUTES * 60_000).toISOString(),
        roomRanking: topRooms.by,
        top: TOP,
      }),
      query(pipelineDocument, { ingestMinutes: throughput.minutes }),
      timeline.load(),
    ]);
    connection.answered(until);
    showTraffic(overview, span);
    showPipeline(pipeline, overview.errors, span);
  } catch (error) {
    if (!(error instanceof Unreachable)) throw error;
    connection.failed(error, until);
    services.update(null, [], until, connection.state);
  }

  refreshes += 1;
  document.body.dataset.refreshes = String(refreshes);
  document.body.dataset.updated = until.toISOString();
}

function showTraffic({ data, errors }, span) {
  const totals = data?.analytics?.totals;
  document.getElementById('kpi-messages').textContent = format.shortCount(totals?.messages);
  document.getElementById('kpi-rooms').textContent = format.count(totals?.rooms);
  document.getElementById('kpi-users').textContent = format.shortCount(totals?.users);
  traffic.update(data, errors, span);
  freshness.update(data, errors, span.until);
  activeUsers.update(data, errors, span);
  topRooms.update(data, errors);
  topUsers.update(data, errors);
  const rooms = data?.analytics?.rooms?.rooms;
  if (rooms) timeline.setRooms(rooms.map((r) => r.roomId));
}

/** @param trafficErrors the traffic query's errors: Chat.Query's own state (is its database answering?) */
function showPipeline({ data, errors }, trafficErrors, span) {
  throughput.update(data, errors, span);
  lag.update(data, errors, span, throughput.minutes);
  services.update(data, trafficErrors, span.until, connection.state);
}

async function run() {
  document.getElementById('page-foot').textContent =
    `Times in ${format.timeZoneName()} · refreshes every ${refreshSeconds} s · all figures come from this service's GraphQL API (explore it at /graphql)`;
  for (;;) {
    await refresh();
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, refreshSeconds * 1000);
      wake = () => { clearTimeout(timer); resolve(); };
    });
  }
}

run();
