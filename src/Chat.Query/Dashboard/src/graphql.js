// The dashboard's only way to the data: POST /graphql on the service that served the page,
// like any other client of the API.

/** No data from the service: it did not answer, or answered with a server error (5xx) instead of GraphQL. */
export class Unreachable extends Error {}

let clockOffsetMs = 0;

// The bearer token: from the page's fragment (#token=..., which the browser never sends to a
// server), kept for this tab only, and taken out of the address bar.
const TOKEN_KEY = 'chat-query-token';
const fragmentToken = new URLSearchParams(window.location.hash.slice(1)).get('token');
if (fragmentToken) {
  sessionStorage.setItem(TOKEN_KEY, fragmentToken);
  history.replaceState(null, '', window.location.pathname + window.location.search);
}

function authorization() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Now, by the server's clock (from its Date headers) when the browser's clock is off by more than 2 s. */
export function serverNow() {
  return new Date(Date.now() + clockOffsetMs);
}

/**
 * Runs a query; resolves to { data, errors } (data may be partial: each field that failed has an
 * error with its path). Rejects with Unreachable when the service does not answer.
 */
export async function query(document, variables, { timeoutMs = 15000 } = {}) {
  let response;
  try {
    response = await fetch(new URL('/graphql', window.location.origin), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
        ...authorization(),
      },
      body: JSON.stringify({ query: document, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new Unreachable(error.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : 'no answer (the connection failed)');
  }

  if (response.status === 401) {
    throw new Unreachable('it wants a token: open the address ./chat demo printed (…/#token=…), or mint one with ./chat token --role reader,operator');
  }

  if (response.status >= 500) {
    throw new Unreachable(`it answered HTTP ${response.status} (${response.status === 500 ? 'an error inside the service: see its log' : 'unavailable'})`);
  }

  trackServerClock(response.headers.get('Date'));
  const body = await response.json().catch(() => null);
  if (!body || (body.data === undefined && !body.errors)) {
    throw new Unreachable(`unexpected answer (HTTP ${response.status})`);
  }

  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/**
 * Why a panel's field has no data, as one sentence: the errors at `path` (e.g. ['analytics',
 * 'topRooms']) or below it; else every error of the answer, since a failed non-null field nulls
 * its parents (the database away fails them all).
 */
export function errorAt(errors, ...path) {
  const own = errors.filter((e) => Array.isArray(e.path) && path.every((key, i) => e.path[i] === key));
  const reasons = (own.length ? own : errors).map((e) => e.message);
  return reasons.length ? [...new Set(reasons)].join(' ') : null;
}

function trackServerClock(dateHeader) {
  const server = Date.parse(dateHeader ?? '');
  if (Number.isNaN(server)) return;
  // The header has whole seconds: only an offset clearly larger than that is corrected.
  const offset = server - Date.now();
  clockOffsetMs = Math.abs(offset) > 2000 ? offset : 0;
}
