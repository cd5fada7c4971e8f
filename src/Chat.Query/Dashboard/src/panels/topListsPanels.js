// Top rooms and top users as horizontal bars (analytics.topRooms / topUsers, from the
// room_stats and user_stats views). Clicking a room opens its timeline.
import { axisTitle, ChartPanel, colors } from '../charts.js';
import { errorAt } from '../graphql.js';
import * as format from '../format.js';

const horizontalBars = (label, color, xTitle, tooltipLabel, onClick) => ({
  type: 'bar',
  data: { labels: [], datasets: [{ label, data: [], backgroundColor: color, borderRadius: 3, barPercentage: 0.8, categoryPercentage: 0.9 }] },
  options: {
    indexAxis: 'y',
    onClick,
    onHover: onClick ? (event, elements) => { event.native.target.style.cursor = elements.length ? 'pointer' : 'default'; } : undefined,
    plugins: { legend: { display: false }, tooltip: { callbacks: { label: tooltipLabel } } },
    scales: {
      x: { title: axisTitle(xTitle), beginAtZero: true, ticks: { precision: 0, callback: (v) => format.shortCount(v) } },
      y: { grid: { display: false }, ticks: { autoSkip: false } },
    },
  },
});

export class TopRoomsPanel {
  constructor(onChange, onRoomClicked) {
    this.ranking = document.getElementById('room-ranking');
    this.ranking.addEventListener('change', onChange);
    this.rooms = [];
    this.chart = new ChartPanel(document.querySelector('[data-chart="top-rooms"]'), horizontalBars(
      'messages', colors.purple, 'messages',
      (item) => {
        const room = this.rooms[item.dataIndex];
        return `${format.count(room.messageCount)} messages · ${format.count(room.uniqueUsers)} users · last ${format.instant(room.lastActivityAt)}`;
      },
      (_, elements) => { if (elements.length) onRoomClicked(this.rooms[elements[0].index].roomId); },
    ));
  }

  get by() {
    return this.ranking.value;
  }

  update(data, errors) {
    const top = data?.analytics?.topRooms;
    if (!top) {
      this.chart.setState('error', errorAt(errors, 'analytics', 'topRooms') ?? 'No answer for this panel.');
      return;
    }

    const byUsers = this.by === 'UNIQUE_USERS';
    this.rooms = top.rooms;
    this.chart.chart.options.scales.x.title.text = byUsers ? 'distinct users' : 'messages';
    this.chart.chart.data.datasets[0].label = byUsers ? 'distinct users' : 'messages';
    this.chart.show(top.rooms.map((r) => `room ${r.roomId}`), [top.rooms.map((r) => (byUsers ? r.uniqueUsers : r.messageCount))]);
    if (top.rooms.length === 0) this.chart.setState('empty', 'No rooms yet (or the room_stats view was never refreshed).');
  }
}

export class TopUsersPanel {
  constructor() {
    this.users = [];
    this.chart = new ChartPanel(document.querySelector('[data-chart="top-users"]'), horizontalBars(
      'messages', colors.orange, 'messages',
      (item) => {
        const user = this.users[item.dataIndex];
        return `${format.count(user.messageCount)} messages in ${format.count(user.roomsParticipated)} rooms`;
      },
    ));
  }

  update(data, errors) {
    const top = data?.analytics?.topUsers;
    if (!top) {
      this.chart.setState('error', errorAt(errors, 'analytics', 'topUsers') ?? 'No answer for this panel.');
      return;
    }

    this.users = top.users;
    // Chat server users have numeric ids; the old load generator's are words already ("user_12").
    this.chart.show(top.users.map((u) => (/^\d+$/.test(u.userId) ? `user ${u.userId}` : u.userId)), [top.users.map((u) => u.messageCount)]);
    if (top.users.length === 0) this.chart.setState('empty', 'No users yet (or the user_stats view was never refreshed).');
  }
}
