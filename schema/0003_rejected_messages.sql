-- Every message the ingest cannot store, with the reason. Nothing is dropped silently.
--
-- The payload is kept byte for byte (bytea): a rejected body may not be valid UTF-8 or may hold
-- NUL characters, which a text column cannot. payload_sha256 makes recording idempotent: a
-- batch that is redelivered after its commit (crash between commit and acknowledgement) records
-- its rejects once, not twice.
CREATE TABLE IF NOT EXISTS rejected_messages (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payload        bytea       NOT NULL,
    payload_sha256 bytea       NOT NULL,
    content_type   text,
    reason         varchar(64) NOT NULL,
    detail         text        NOT NULL,
    message_id     text,
    exchange       text,
    routing_key    text,
    received_at    timestamptz NOT NULL,
    rejected_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rejected_messages_payload_once UNIQUE (payload_sha256)
);

CREATE INDEX IF NOT EXISTS idx_rejected_messages_reason_time ON rejected_messages (reason, rejected_at DESC);
CREATE INDEX IF NOT EXISTS idx_rejected_messages_time ON rejected_messages (rejected_at DESC);

COMMENT ON TABLE rejected_messages IS 'Messages Chat.Ingest could not store, with the reason and where they came from.';
COMMENT ON COLUMN rejected_messages.reason IS 'Machine-readable reason code, e.g. invalid_json, missing_field, invalid_room_id.';
COMMENT ON COLUMN rejected_messages.detail IS 'What exactly was wrong, for a person.';
