-- Hostile input: what rejected_messages keeps of a delivery, and the index-entry limit as a rule
-- of the table.
--
-- payload_bytes: the delivery's size. A body above the ingest's MaxPayloadBytes is not kept
-- whole: payload then holds its first kilobyte (octet_length(payload) < payload_bytes), and
-- payload_sha256 is still that of the whole body.
-- times_rejected / last_rejected_at: a payload seen again (published again, or a
-- batch redelivered after its commit) updates its row instead of adding one; replay tells
-- "still rejected" from "stored" by last_rejected_at (for the replay command still to come).
ALTER TABLE rejected_messages ADD COLUMN IF NOT EXISTS payload_bytes integer;
ALTER TABLE rejected_messages ADD COLUMN IF NOT EXISTS times_rejected integer NOT NULL DEFAULT 1;
ALTER TABLE rejected_messages ADD COLUMN IF NOT EXISTS last_rejected_at timestamptz;
UPDATE rejected_messages SET payload_bytes = octet_length(payload) WHERE payload_bytes IS NULL;
UPDATE rejected_messages SET last_rejected_at = rejected_at WHERE last_rejected_at IS NULL;
ALTER TABLE rejected_messages ALTER COLUMN last_rejected_at SET DEFAULT now();
ALTER TABLE rejected_messages ALTER COLUMN last_rejected_at SET NOT NULL;

CREATE INDEX IF NOT EXISTS idx_rejected_messages_last_time ON rejected_messages (last_rejected_at DESC);

GRANT UPDATE (reason, detail, times_rejected, last_rejected_at) ON rejected_messages TO chat_ingest;

COMMENT ON COLUMN rejected_messages.payload_bytes IS 'Size of the delivery; above octet_length(payload) when only a prefix was kept (payload_too_large).';
COMMENT ON COLUMN rejected_messages.times_rejected IS 'How often this payload (by SHA-256) was rejected: replays and redeliveries count.';

-- idx_messages_room_time and idx_messages_user_time hold message_id, user_id, username,
-- message_type and content in one B-tree entry, which PostgreSQL refuses above 2,704 bytes
-- (54000). 2,600 bytes for the five together keeps every entry below it (the other parts of an
-- entry take at most 80 bytes: Chat.Contracts.ChatMessageLimits.IndexEntryBytes). The ingest
-- validates the same rule; here it holds for every writer, as a clear 23514 instead of 54000.
ALTER TABLE messages DROP CONSTRAINT IF EXISTS messages_index_entry_fits;
ALTER TABLE messages ADD CONSTRAINT messages_index_entry_fits
    CHECK (octet_length(message_id) + octet_length(user_id) + coalesce(octet_length(username), 0)
           + coalesce(octet_length(message_type), 0) + octet_length(content) <= 2600) NOT VALID;
