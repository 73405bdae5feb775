-- How orders are paid (the payments slice).
--
-- `payments` is the write model: one row per order whose money moved, a card charged at
-- placement or cash collected on delivery (a cash order has none until then). It keeps
-- the card's brand, last four digits and the gateway's reference, never its number or
-- security code. `version` counts the events of the stream `payment-<order id>`.
CREATE TABLE payments (
    order_id  TEXT   PRIMARY KEY,
    method    TEXT   NOT NULL CHECK (method IN ('cash', 'card')),
    status    TEXT   NOT NULL CHECK (status IN ('pending', 'paid', 'refunded', 'collected')),
    amount    TEXT   NOT NULL,
    brand     TEXT,
    last4     TEXT,
    reference TEXT,
    version   BIGINT NOT NULL
);

-- Read model (OrderPaymentView): each order's payment as its page shows it, and the
-- payment's steps after capture (refunded, collected), which the order's timeline
-- interleaves with its statuses by event position.
CREATE TABLE order_payment_view (
    order_id  TEXT PRIMARY KEY,
    method    TEXT NOT NULL,
    status    TEXT NOT NULL,
    brand     TEXT,
    last4     TEXT,
    reference TEXT
);
CREATE TABLE order_payment_steps_view (
    event_position BIGINT PRIMARY KEY,
    order_id       TEXT   NOT NULL,
    status         TEXT   NOT NULL,
    at             TEXT   NOT NULL,
    note           TEXT
);
CREATE INDEX order_payment_steps_view_order ON order_payment_steps_view (order_id);
