-- Analytics projections derived from the event log, refreshed by Chat.Projections with
-- REFRESH MATERIALIZED VIEW CONCURRENTLY. Same columns as the system we replace.
-- The old system's views (if any) are replaced: hourly_stats now truncates in UTC, so an hour
-- does not depend on the time zone of the session that refreshed it.
DROP MATERIALIZED VIEW IF EXISTS user_stats;
DROP MATERIALIZED VIEW IF EXISTS room_stats;
DROP MATERIALIZED VIEW IF EXISTS hourly_stats;

CREATE MATERIALIZED VIEW user_stats AS
SELECT user_id,
       count(*)                AS message_count,
       count(DISTINCT room_id) AS rooms_participated,
       min("timestamp")        AS first_message,
       max("timestamp")        AS last_message
FROM messages
GROUP BY user_id;

CREATE MATERIALIZED VIEW room_stats AS
SELECT room_id,
       count(*)                AS message_count,
       count(DISTINCT user_id) AS unique_users,
       min("timestamp")        AS first_message,
       max("timestamp")        AS last_activity
FROM messages
GROUP BY room_id;

CREATE MATERIALIZED VIEW hourly_stats AS
SELECT date_trunc('hour', "timestamp", 'UTC') AS hour,
       count(*)                               AS message_count,
       count(DISTINCT user_id)                AS unique_users,
       count(DISTINCT room_id)                AS active_rooms
FROM messages
GROUP BY 1;

-- The unique index each view needs for REFRESH ... CONCURRENTLY.
CREATE UNIQUE INDEX ux_user_stats_user ON user_stats (user_id);
CREATE UNIQUE INDEX ux_room_stats_room ON room_stats (room_id);
CREATE UNIQUE INDEX ux_hourly_stats_hour ON hourly_stats (hour);

-- Orderings the read side serves: top users, top rooms by messages, by unique users, by last
-- activity. Ties break on the key so pages are stable.
CREATE INDEX ix_user_stats_top ON user_stats (message_count DESC, user_id);
CREATE INDEX ix_room_stats_top_messages ON room_stats (message_count DESC, room_id);
CREATE INDEX ix_room_stats_top_users ON room_stats (unique_users DESC, room_id);
CREATE INDEX ix_room_stats_last_activity ON room_stats (last_activity DESC, room_id);
