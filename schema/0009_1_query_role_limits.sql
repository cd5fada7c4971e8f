-- The read side can never take the connections the write side and the projections need, and
-- reads only the columns a reader needs.
--
-- Connections: chat_query may hold at most 60 (all Chat.Query instances together; each caps its
-- own pool at 40, src/Chat.Query/Extensions/QueryDataSource.cs). With max_connections 300 here
-- (and PostgreSQL's default of 100 elsewhere) the ingest and the projections keep the rest.
ALTER ROLE chat_query CONNECTION LIMIT 60;

-- Columns: nobody reading chat history needs the sender's IP address (client_ip) or the raw
-- bodies of rejected deliveries (payload, which may hold anything a producer sent). Table-level
-- SELECT is replaced by column grants of everything else; count(*) still works. A column added
-- to either table later is NOT readable by chat_query until a migration grants it.
REVOKE SELECT ON messages, rejected_messages FROM chat_query;
GRANT SELECT (message_id, room_id, user_id, username, content, message_type, server_id, "timestamp", created_at)
    ON messages TO chat_query;
GRANT SELECT (id, payload_sha256, content_type, reason, detail, message_id, exchange, routing_key, received_at, rejected_at)
    ON rejected_messages TO chat_query;
