// How numbers, times and durations read on the dashboard (the browser's locale and time zone).

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const hourOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hour12: false });
const dayAndHour = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const shortDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium', hour12: false });

export const count = (n) => (n == null ? '–' : integer.format(n));
export const shortCount = (n) => (n == null ? '–' : Math.abs(n) >= 10000 ? compact.format(n) : integer.format(n));
export const rate = (n) => (n == null ? '–' : n >= 100 ? integer.format(n) : decimal.format(n));
export const time = (t) => (t == null ? '–' : clock.format(new Date(t)));
export const hour = (t, withDay) => (withDay ? dayAndHour : hourOfDay).format(new Date(t));
export const instant = (t) => (t == null ? '–' : dateTime.format(new Date(t)));

/** A message's time: the clock time today, with the day before that. */
export function messageTime(t, now) {
  const date = new Date(t);
  return date.toDateString() === now.toDateString() ? clock.format(date) : `${shortDay.format(date)} ${clock.format(date)}`;
}

/** 0.0123 → "12 ms", 2.5 → "2.5 s", 95 → "1.6 min" */
export function seconds(s) {
  if (s == null || Number.isNaN(s)) return '–';
  if (s < 0.01) return `${decimal.format(s * 1000)} ms`;
  if (s < 1) return `${integer.format(s * 1000)} ms`;
  if (s < 120) return `${decimal.format(s)} s`;
  if (s < 3600) return `${decimal.format(s / 60)} min`;
  if (s < 172800) return `${decimal.format(s / 3600)} h`;
  return `${decimal.format(s / 86400)} days`;
}

/** How long ago, in words: "12 s ago", "5 min ago". */
export function ago(t, now) {
  if (t == null) return '–';
  const s = Math.round(Math.max(0, (now - new Date(t)) / 1000));
  return s < 1 ? 'just now' : `${seconds(s)} ago`;
}

/** The viewer's time zone as "UTC+01:00" (the charts' times are in it). */
export function timeZoneName() {
  const minutes = -new Date().getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
