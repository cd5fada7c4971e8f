-- The four secondary indexes of the event log. The old system's indexes of the same names are
-- replaced, because their column lists differ.
--
-- Why message_id sits in the key (not only in INCLUDE) of the timeline indexes: the read side
-- pages with a keyset cursor on ("timestamp", message_id). With message_id as the last key
-- column, "WHERE room_id = $1 AND ("timestamp", message_id) < ($2, $3) ORDER BY "timestamp" DESC,
-- message_id DESC LIMIT n" is one index range scan that stops after n entries, ties included,
-- with no sort. As an INCLUDE column it could not be part of the scan's order or its bound.
--
-- Why username and message_type are INCLUDEd: a timeline page shows them, so adding them keeps
-- the page an index-only scan (no heap visit per row). They are short (<= 64 and <= 32 chars).
DROP INDEX IF EXISTS idx_messages_room_time;
CREATE INDEX idx_messages_room_time
    ON messages (room_id, "timestamp" DESC, message_id DESC)
    INCLUDE (user_id, username, message_type, content);

-- User history: a user's messages, optionally within one room (room_id is INCLUDEd so that
-- filter is applied inside the index-only scan).
DROP INDEX IF EXISTS idx_messages_user_time;
CREATE INDEX idx_messages_user_time
    ON messages (user_id, "timestamp" DESC, message_id DESC)
    INCLUDE (room_id, username, message_type, content);

-- Time ranges over the whole log. Rows arrive in roughly timestamp order, so a BRIN index of a
-- few hundred kilobytes prunes almost every block a range does not touch.
DROP INDEX IF EXISTS idx_messages_timestamp_brin;
CREATE INDEX idx_messages_timestamp_brin ON messages USING brin ("timestamp");

-- User-room participation: "the rooms a user posted in, with counts and last activity" is an
-- index-only scan of one user's entries, already grouped by room.
DROP INDEX IF EXISTS idx_messages_user_room;
CREATE INDEX idx_messages_user_room ON messages (user_id, room_id, "timestamp" DESC);
