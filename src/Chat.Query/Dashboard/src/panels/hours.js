// The hourly series of the API leave out hours without messages; charts want every hour.

export const HOUR_MS = 3600_000;

/** Every hour from the one holding `since` to `until`, with value(row) for the hours the API gave and 0 for the rest. */
export function everyHour(rows, since, until, value) {
  const byHour = new Map(rows.map((row) => [new Date(row.hour).getTime(), value(row)]));
  const hours = [];
  for (let t = Math.floor(since.getTime() / HOUR_MS) * HOUR_MS; t < until.getTime(); t += HOUR_MS) {
    hours.push({ t, value: byHour.get(t) ?? 0 });
  }
  return hours;
}
