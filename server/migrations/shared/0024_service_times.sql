-- How fast the shop serves, for the manager's overview (the analytics slice's
-- ServiceTimesView): per UTC quarter of an hour, the orders out of the oven and their
-- seconds from placed to ready, the orders delivered and their seconds on the road, and
-- the orders cancelled; and, while an order is under way, when it was placed and went
-- out. Filled from the whole event log by the projector on its first start.
CREATE TABLE service_times_view (
    quarter          TEXT   PRIMARY KEY,
    prepared         BIGINT NOT NULL,
    prep_seconds     BIGINT NOT NULL,
    delivered        BIGINT NOT NULL,
    delivery_seconds BIGINT NOT NULL,
    cancelled        BIGINT NOT NULL
);

CREATE TABLE service_open_orders_view (
    order_id  TEXT PRIMARY KEY,
    placed_at TEXT NOT NULL,
    out_at    TEXT
);
