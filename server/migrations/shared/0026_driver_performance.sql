-- How the drivers deliver (the analytics slice's DriverPerformanceView): one row per
-- order delivered, with its driver, when it was delivered and its seconds on the road;
-- and while an order is on the road, with whom and since when. Filled from the whole
-- event log by the projector on its first start.
CREATE TABLE delivered_orders_view (
    order_id     TEXT   PRIMARY KEY,
    driver       TEXT   NOT NULL,
    delivered_at TEXT   NOT NULL,
    road_seconds BIGINT NOT NULL
);
CREATE INDEX delivered_orders_delivered_at ON delivered_orders_view (delivered_at);

CREATE TABLE on_the_road_view (
    order_id TEXT PRIMARY KEY,
    driver   TEXT NOT NULL,
    out_at   TEXT NOT NULL
);
