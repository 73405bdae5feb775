-- Messages to the world outside the browser (the outbox slice): the customer's
-- confirmation and status changes, the kitchen's new-order message. A row is written by
-- the projector from a committed event, so nothing is sent for a command that rolled
-- back, and nothing is lost when the process stops: the dispatcher sends what is due, at
-- least once per configured channel, retrying with a growing delay until it is `sent`,
-- or `dead` after too many failures (listed for the manager).
CREATE TABLE outbox (
    -- The message's idempotency id, `<event position>-<kind>`: a receiver drops repeats.
    id              TEXT    PRIMARY KEY,
    -- order_confirmed, order_status, kitchen_new_order.
    kind            TEXT    NOT NULL,
    order_id        TEXT    NOT NULL,
    -- The customer's phone number, or `kitchen`.
    recipient       TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'dead')),
    attempts        INTEGER NOT NULL,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT,
    sent_at         TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
