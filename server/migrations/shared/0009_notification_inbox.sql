-- A signed-in customer's notifications: one per status change of an order they placed,
-- keyed by the position of the event it tells of. `read` and `dismissed` are 0/1 (sqlx's
-- Any driver cannot decode SQLite booleans). Filled by the projector from the whole
-- event log, so existing orders (all guest orders) add nothing.
CREATE TABLE notification_inbox_view (
    id        BIGINT PRIMARY KEY,
    username  TEXT   NOT NULL,
    order_id  TEXT   NOT NULL,
    status    TEXT   NOT NULL,
    note      TEXT,
    at        TEXT   NOT NULL,
    read      BIGINT NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
    dismissed BIGINT NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1))
);
CREATE INDEX notification_inbox_view_by_owner
    ON notification_inbox_view (username, dismissed, read, id);

-- Who placed each open order that belongs to an account: what the inbox needs to know
-- whose a later event is. Forgotten once the order is delivered or cancelled.
CREATE TABLE notification_owners_view (
    order_id TEXT PRIMARY KEY,
    username TEXT NOT NULL
);
