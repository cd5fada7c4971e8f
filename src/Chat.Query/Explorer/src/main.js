// GraphiQL against this service's own /graphql, with the schema's docs in the explorer pane.
// Everything is bundled by vite into ../wwwroot/explorer: the page loads nothing from elsewhere.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';

const fetcher = createGraphiQLFetcher({
  url: new URL('/graphql', window.location.origin).toString(),
  headers: { Accept: 'application/graphql-response+json, application/json' },
});

// The token goes in the Headers tab (below the query), prefilled from the address's fragment
// (/graphql#token=..., as ./chat demo prints it; a fragment is never sent to a server).
const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
if (token) history.replaceState(null, '', window.location.pathname + window.location.search);
const defaultHeaders = JSON.stringify({ Authorization: `Bearer ${token ?? '<paste a token from ./chat token --role reader>'}` }, null, 2);

const defaultQuery = `# Chat.Query: history and analytics of the chat platform.
# Press the play button (or Ctrl+Enter); open the docs (book icon) for every type and field.
{
  analytics {
    totals { messages rooms users lastMessageAt freshness { view state dataAsOf } }
    topRooms(by: MESSAGES, first: 5) { rooms { roomId messageCount uniqueUsers lastActivityAt } }
  }
  roomTimeline(roomId: 1, first: 10) {
    nodes { id userId username content timestamp }
    pageInfo { hasNextPage endCursor }
  }
}
`;

createRoot(document.getElementById('explorer')).render(
  createElement(GraphiQL, { fetcher, defaultQuery, defaultHeaders, defaultEditorToolsVisibility: 'headers' }),
);
