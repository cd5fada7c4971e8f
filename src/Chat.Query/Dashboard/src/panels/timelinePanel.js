// A room's recent messages, newest first, a page at a time (roomTimeline). Older pages follow
// the connection's endCursor; newer ones go back along the cursors already followed.
import { errorAt, query, serverNow, Unreachable } from '../graphql.js';
import timelineDocument from '../queries/timeline.graphql?raw';
import * as format from '../format.js';

const PAGE_SIZE = 12;

export class TimelinePanel {
  constructor() {
    this.roomSelect = document.getElementById('timeline-room');
    this.newerButton = document.getElementById('timeline-newer');
    this.olderButton = document.getElementById('timeline-older');
    this.pageLabel = document.getElementById('timeline-page');
    this.list = document.getElementById('timeline');
    this.roomId = null;
    this.cursors = [null];
    this.page = 0;
    this.pageInfo = null;
    this.roomSelect.addEventListener('change', () => this.select(Number(this.roomSelect.value)));
    this.newerButton.addEventListener('click', () => this.go(-1));
    this.olderButton.addEventListener('click', () => this.go(+1));
  }

  /** The rooms to choose from (most recently active first); the first becomes the room shown if none is. */
  setRooms(roomIds) {
    if (roomIds.length === 0) return;
    const choices = [...new Set([...roomIds, ...(this.roomId ? [this.roomId] : [])])].sort((a, b) => a - b);
    const current = [...this.roomSelect.options].map((o) => Number(o.value));
    if (choices.join() !== current.join()) {
      this.roomSelect.replaceChildren(...choices.map((id) => new Option(`room ${id}`, String(id))));
    }

    if (this.roomId == null) {
      this.select(roomIds[0]);
    } else {
      this.roomSelect.value = String(this.roomId);
    }
  }

  /** Shows a room's newest page (a person's choice: if Chat.Query does not answer, the refresh loop says so). */
  select(roomId) {
    this.roomId = roomId;
    this.roomSelect.value = String(roomId);
    this.cursors = [null];
    this.page = 0;
    this.load().catch(ignoreUnreachable);
  }

  go(step) {
    if (step > 0 && !this.pageInfo?.hasNextPage) return;
    if (step < 0 && this.page === 0) return;
    if (step > 0) this.cursors[this.page + 1] = this.pageInfo.endCursor;
    this.page += step;
    this.load().catch(ignoreUnreachable);
  }

  /** Loads the current page again (the refresh loop calls it; Unreachable propagates to it). */
  async load() {
    if (this.roomId == null) return;
    const asked = { roomId: this.roomId, page: this.page };
    const { data, errors } = await query(timelineDocument, { roomId: this.roomId, first: PAGE_SIZE, after: this.cursors[this.page] });
    // Ignore an answer overtaken by a click on another page or room.
    if (asked.roomId !== this.roomId || asked.page !== this.page) return;
    this.render(data?.roomTimeline, errorAt(errors, 'roomTimeline'));
  }

  render(connection, error) {
    this.pageLabel.textContent = `page ${this.page + 1}`;
    this.list.dataset.page = String(this.page + 1);
    this.newerButton.disabled = this.page === 0;
    this.olderButton.disabled = !connection?.pageInfo.hasNextPage;
    if (!connection) {
      this.pageInfo = null;
      this.list.dataset.state = 'error';
      this.list.replaceChildren(note(error ?? 'No answer for this panel.'));
      return;
    }

    this.pageInfo = connection.pageInfo;
    this.list.dataset.state = connection.nodes.length ? 'ok' : 'empty';
    this.list.dataset.points = String(connection.nodes.length);
    this.list.replaceChildren(...(connection.nodes.length
      ? connection.nodes.map(messageItem)
      : [note(this.page === 0 ? 'No messages in this room.' : 'No older messages.')]));
  }
}

function messageItem(message) {
  const item = document.createElement('li');
  item.className = 'message';
  item.dataset.messageId = message.id;
  const when = document.createElement('time');
  when.dateTime = message.timestamp;
  when.textContent = format.messageTime(message.timestamp, serverNow());
  when.title = format.instant(message.timestamp);
  const who = document.createElement('span');
  who.className = 'who';
  who.textContent = message.username ?? message.userId;
  who.title = `user ${message.userId}`;
  const what = document.createElement('span');
  what.className = 'what';
  what.textContent = message.content;
  item.append(when, who);
  // A badge for what is not plain text (JOIN, LEAVE); the old load generator's "chat" is text.
  if (message.type && !['TEXT', 'CHAT'].includes(message.type.toUpperCase())) {
    const type = document.createElement('span');
    type.className = `type type-${message.type.toLowerCase()}`;
    type.textContent = message.type;
    item.append(type);
  }

  item.append(what);
  return item;
}

function ignoreUnreachable(error) {
  if (!(error instanceof Unreachable)) throw error;
}

function note(text) {
  const item = document.createElement('li');
  item.className = 'note';
  item.textContent = text;
  return item;
}
