-- The append-only event log: one row per chat message, written only by Chat.Ingest.
--
-- The columns of the system we replace are kept as they were (message_id varchar(64) primary
-- key, room_id, user_id, content, "timestamp", created_at), so a database of that system is
-- migrated in place: every statement here is written to work on an empty database and on one
-- that already holds the old table and its rows.
CREATE TABLE IF NOT EXISTS messages (
    message_id  varchar(64) PRIMARY KEY,
    room_id     integer     NOT NULL,
    user_id     varchar(64) NOT NULL,
    content     text        NOT NULL,
    "timestamp" timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- What the old consumer threw away. NULL in message_type means a row stored by the old system,
-- which did not record the type; Chat.Ingest always sets it.
ALTER TABLE messages ADD COLUMN IF NOT EXISTS username     varchar(64);
ALTER TABLE messages ADD COLUMN IF NOT EXISTS message_type varchar(32);
ALTER TABLE messages ADD COLUMN IF NOT EXISTS server_id    varchar(128);
ALTER TABLE messages ADD COLUMN IF NOT EXISTS client_ip    varchar(64);

-- The old table let created_at be NULL.
UPDATE messages SET created_at = "timestamp" WHERE created_at IS NULL;
ALTER TABLE messages ALTER COLUMN created_at SET DEFAULT now();
ALTER TABLE messages ALTER COLUMN created_at SET NOT NULL;

-- Invariants the ingest validates, enforced again here so no writer can break them.
-- NOT VALID: rows of the old system are not re-checked; every new row is.
-- The content limit (2,000 bytes of UTF-8) keeps the widest covering-index entry far below
-- PostgreSQL's B-tree limit of 2,704 bytes per entry (a third of an 8 KiB page): the other key
-- and INCLUDE columns add at most about 330 bytes. 2,000 bytes holds the old server's limit of
-- 500 characters in any script (at most 4 bytes each).
ALTER TABLE messages DROP CONSTRAINT IF EXISTS messages_room_id_positive;
ALTER TABLE messages ADD CONSTRAINT messages_room_id_positive CHECK (room_id > 0) NOT VALID;
ALTER TABLE messages DROP CONSTRAINT IF EXISTS messages_content_indexable;
ALTER TABLE messages ADD CONSTRAINT messages_content_indexable
    CHECK (octet_length(content) BETWEEN 1 AND 2000) NOT VALID;

COMMENT ON TABLE messages IS 'Append-only, idempotent event log of chat messages (written by Chat.Ingest).';
COMMENT ON COLUMN messages.message_type IS 'Upper-cased type as published (TEXT, JOIN, LEAVE, CHAT, ...); NULL for rows of the old system.';
COMMENT ON COLUMN messages.created_at IS 'When the row was committed; created_at - "timestamp" is the end-to-end lag.';
