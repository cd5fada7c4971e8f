-- One role per service; services never connect as the superuser. Roles are cluster-wide, so
-- they are created only when missing. Passwords are not set here: the migrator sets them from
-- its environment (CHAT_INGEST_PASSWORD, ...), so no credential lives in the repository.
DO $$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['chat_ingest', 'chat_projections', 'chat_query'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('CREATE ROLE %I LOGIN', role_name);
        END IF;
    END LOOP;
END
$$;

-- Nobody but the owner creates objects in public.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO chat_ingest, chat_projections, chat_query;

-- Writer: appends to the log and records rejects; reads them for idempotency and counts.
-- TEMPORARY lets it COPY each batch into a session-local staging table.
GRANT SELECT, INSERT ON messages, rejected_messages TO chat_ingest;
DO $$ BEGIN EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO chat_ingest', current_database()); END $$;

-- Projections: reads the log and owns the views, since only a view's owner may refresh it.
-- It keeps its refresh history (Marten) in a schema of its own.
GRANT SELECT ON messages TO chat_projections;
ALTER MATERIALIZED VIEW user_stats OWNER TO chat_projections;
ALTER MATERIALIZED VIEW room_stats OWNER TO chat_projections;
ALTER MATERIALIZED VIEW hourly_stats OWNER TO chat_projections;
CREATE SCHEMA IF NOT EXISTS projection_status AUTHORIZATION chat_projections;
DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO chat_projections', current_database()); END $$;

-- Read side: SELECT only, on the log, the views and the refresh status documents.
GRANT SELECT ON messages, rejected_messages, user_stats, room_stats, hourly_stats TO chat_query;
GRANT USAGE ON SCHEMA projection_status TO chat_query;
GRANT SELECT ON ALL TABLES IN SCHEMA projection_status TO chat_query;
ALTER DEFAULT PRIVILEGES FOR ROLE chat_projections IN SCHEMA projection_status GRANT SELECT ON TABLES TO chat_query;
DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO chat_query', current_database()); END $$;
-- Belt and braces: even a statement that slipped past the grants cannot write, and a runaway
-- query is cut off (the service sets a tighter timeout per query).
ALTER ROLE chat_query SET default_transaction_read_only = on;
ALTER ROLE chat_query SET statement_timeout = '30s';
