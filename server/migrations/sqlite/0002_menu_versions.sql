-- Optimistic concurrency for the menu (SQLite). `version` counts the events of the
-- pizza's stream (`pizza-<id>`), as `orders.version` does for an order: a menu command
-- updates a row only at the version it read, and appends its event at that version.
-- Rows that predate the event store start at 0, matching their empty stream.
ALTER TABLE pizzas ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
