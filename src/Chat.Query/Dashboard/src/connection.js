// Whether Chat.Query answers this page: the header's dot and, while it does not, a banner that
// says since when and that the page keeps retrying. The figures below stay, dimmed.
import * as format from './format.js';

export class Connection {
  constructor(refreshSeconds) {
    this.refreshSeconds = refreshSeconds;
    this.element = document.getElementById('connection');
    this.text = this.element.querySelector('.connection-text');
    this.banner = document.getElementById('unreachable');
    this.up = false;
    this.since = null;
    this.error = null;
    this.lastAnswer = null;
  }

  answered(now) {
    if (!this.up) this.since = now;
    this.up = true;
    this.error = null;
    this.lastAnswer = now;
    this.render(now);
  }

  failed(error, now) {
    if (this.up || this.since == null) this.since = now;
    this.up = false;
    this.error = error.message;
    this.render(now);
  }

  render(now) {
    this.element.dataset.connection = this.up ? 'up' : 'down';
    document.body.classList.toggle('offline', !this.up);
    this.text.textContent = this.up
      ? `live · updated ${format.time(this.lastAnswer)}`
      : `no data from Chat.Query since ${format.time(this.since)}`;
    this.banner.hidden = this.up;
    this.banner.dataset.since = this.since?.toISOString() ?? '';
    if (!this.up) {
      this.banner.textContent = `No data from Chat.Query since ${format.time(this.since)} (${format.ago(this.since, now)}): ${this.error}. `
        + `Retrying every ${this.refreshSeconds} s; `
        + (this.lastAnswer ? `the figures below are from ${format.time(this.lastAnswer)}.` : 'no figures yet.');
    }
  }

  /** Chat.Query's own state for the pipeline panel. */
  get state() {
    return { up: this.up, since: this.since, error: this.error };
  }
}
