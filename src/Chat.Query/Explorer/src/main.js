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
  createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true }),
);
