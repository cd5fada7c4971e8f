// The pipeline's services and their states (pipeline.services: Chat.Query checks each one's
// /health/ready every few seconds), with Chat.Query itself, which served this page, on top.
import * as format from '../format.js';

const stateText = {
  UP: 'up',
  NOT_READY: 'not ready',
  DOWN: 'down',
  NOT_CONFIGURED: 'not configured',
  UNKNOWN: 'not checked yet',
};

const configureHint = { INGEST: 'Pipeline__Ingest__0', PROJECTIONS: 'Pipeline__Projections__0' };

export class ServicesPanel {
  constructor() {
    this.list = document.getElementById('services');
    this.lastKnown = [];
  }

  /**
   * @param data the overview's data; null when Chat.Query did not answer (the services' last known states are shown)
   * @param query the state of Chat.Query itself as this page sees it: { up, since, error }
   */
  update(data, errors, now, query) {
    const services = data?.pipeline?.services ?? this.lastKnown;
    this.lastKnown = services;
    const database = errors.find((e) => e.extensions?.code === 'DATABASE_UNAVAILABLE');
    const items = [this.item({
      name: 'Chat.Query',
      state: !query.up ? 'DOWN' : database ? 'NOT_READY' : 'UP',
      since: query.since,
      detail: !query.up ? query.error : database ? 'its database does not answer' : 'serves this page and its data',
    }, now)];
    for (const service of services) {
      items.push(this.item({
        name: service.name,
        state: service.state,
        since: service.since,
        detail: service.state === 'NOT_CONFIGURED'
          ? `not watched: set ${configureHint[service.kind]}`
          : service.state === 'UP' ? service.address : service.lastError,
      }, now));
    }

    this.list.replaceChildren(...items);
    if (!query.up && services.length) {
      const note = document.createElement('li');
      note.className = 'services-note';
      note.textContent = 'The others as Chat.Query last reported them.';
      this.list.append(note);
    }
  }

  item({ name, state, since, detail }, now) {
    const item = document.createElement('li');
    item.className = `service state-${state.toLowerCase().replace('_', '-')}`;
    item.dataset.service = name;
    item.dataset.state = state;
    if (since) item.dataset.since = new Date(since).toISOString();

    const dot = document.createElement('span');
    dot.className = 'dot';
    const text = document.createElement('div');
    const head = document.createElement('div');
    head.className = 'service-head';
    const title = document.createElement('strong');
    title.textContent = name;
    const badge = document.createElement('span');
    badge.className = 'state';
    badge.textContent = stateText[state] ?? state;
    head.append(title, badge);
    text.append(head);
    if (since && state !== 'NOT_CONFIGURED') {
      const when = document.createElement('div');
      when.className = 'service-since';
      when.textContent = `since ${format.time(since)} (${format.ago(since, now)})`;
      text.append(when);
    }

    if (detail) {
      const more = document.createElement('div');
      more.className = state === 'UP' ? 'service-detail' : 'service-detail error-text';
      more.textContent = detail;
      text.append(more);
    }

    item.append(dot, text);
    return item;
  }
}
