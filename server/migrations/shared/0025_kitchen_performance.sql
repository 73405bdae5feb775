-- How the kitchen cooks (the analytics slice's KitchenPerformanceView): one row per order
-- that came out of the oven, with who started it, when it was ready, its seconds from the
-- start of cooking and its estimate; and while an order is in the kitchen, its estimate
-- and, once it cooks, since when and by whom. Filled from the whole event log by the
-- projector on its first start.
CREATE TABLE cooked_orders_view (
    order_id         TEXT   PRIMARY KEY,
    chef             TEXT,
    ready_at         TEXT   NOT NULL,
    cooking_seconds  BIGINT NOT NULL,
    estimate_seconds BIGINT NOT NULL
);
CREATE INDEX cooked_orders_ready_at ON cooked_orders_view (ready_at);

CREATE TABLE cooking_orders_view (
    order_id         TEXT   PRIMARY KEY,
    estimate_minutes BIGINT NOT NULL,
    started_at       TEXT,
    chef             TEXT
);
