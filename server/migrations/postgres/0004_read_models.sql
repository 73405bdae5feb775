-- Read models (PostgreSQL). Every table here is written only by the projector, from the event
-- log, and read only by queries; `server rebuild-projections` empties and refills them.
-- Same conventions as the write side: money is exact decimal text, ids are text, times
-- are fixed-width RFC 3339 UTC text (text order is time order), counts are BIGINT and
-- flags BIGINT 0/1. `..._position` columns hold the global event position that created
-- the row: a stable tie-breaker and a first-in-first-out order.

-- The menu customers see (`GetMenu`): one row per pizza, upserted from PizzaAdded and
-- PizzaUpdated (which carry the whole pizza), deleted by PizzaRemoved.
CREATE TABLE menu_view (
    pizza_id            TEXT   PRIMARY KEY,
    name                TEXT   NOT NULL,
    description         TEXT   NOT NULL,
    base_price          TEXT   NOT NULL,
    category            TEXT   NOT NULL,
    toppings            TEXT   NOT NULL,
    preparation_minutes BIGINT NOT NULL,
    available           BIGINT NOT NULL,
    sort_order          BIGINT NOT NULL
);
CREATE INDEX menu_view_by_sort_order ON menu_view (sort_order, pizza_id);

-- One order as its confirmation page shows it (`GetOrder`, `GetOrderStatus`).
CREATE TABLE order_detail_view (
    order_id           TEXT PRIMARY KEY,
    status             TEXT NOT NULL,
    customer_name      TEXT NOT NULL,
    customer_phone     TEXT NOT NULL,
    customer_address   TEXT NOT NULL,
    payment_method     TEXT NOT NULL,
    total_amount       TEXT NOT NULL,
    placed_at          TEXT NOT NULL,
    estimated_ready_at TEXT NOT NULL
);

-- Its priced lines, in the order the customer listed them; `toppings` is a JSON array.
-- The kitchen queue reads them too.
CREATE TABLE order_detail_items_view (
    order_id             TEXT   NOT NULL,
    line_no              BIGINT NOT NULL,
    pizza_id             TEXT   NOT NULL,
    pizza_name           TEXT   NOT NULL,
    size                 TEXT   NOT NULL,
    toppings             TEXT   NOT NULL,
    quantity             BIGINT NOT NULL,
    special_instructions TEXT,
    unit_price           TEXT   NOT NULL,
    line_price           TEXT   NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- Every status an order went through, keyed by the event that moved it there;
-- `note` is the driver (delivering) or the reason (cancelled).
CREATE TABLE order_timeline_view (
    order_id       TEXT   NOT NULL,
    event_position BIGINT NOT NULL,
    status         TEXT   NOT NULL,
    at             TEXT   NOT NULL,
    note           TEXT,
    PRIMARY KEY (order_id, event_position)
);

-- One line per order for lists (`ListOrders`, a customer's history), newest first.
-- `customer_phone_key` is the phone's digits only, so "+39 06 555-1234" and
-- "+3906 5551234" are one customer.
CREATE TABLE order_summary_view (
    order_id           TEXT   PRIMARY KEY,
    customer_phone_key TEXT   NOT NULL,
    customer_phone     TEXT   NOT NULL,
    customer_name      TEXT   NOT NULL,
    status             TEXT   NOT NULL,
    total_amount       TEXT   NOT NULL,
    pizza_count        BIGINT NOT NULL,
    placed_at          TEXT   NOT NULL,
    estimated_ready_at TEXT   NOT NULL
);
CREATE INDEX order_summary_view_by_phone ON order_summary_view (customer_phone_key, placed_at DESC);
CREATE INDEX order_summary_view_by_status ON order_summary_view (status, placed_at DESC);
CREATE INDEX order_summary_view_by_time ON order_summary_view (placed_at DESC);

-- The kitchen's work (`GetKitchenQueue`): pending and cooking orders only; a row leaves
-- when its order is ready, goes out or is cancelled. First in, first out by position.
CREATE TABLE kitchen_queue_view (
    order_id           TEXT   PRIMARY KEY,
    placed_position    BIGINT NOT NULL,
    customer_name      TEXT   NOT NULL,
    status             TEXT   NOT NULL,
    placed_at          TEXT   NOT NULL,
    pizza_count        BIGINT NOT NULL,
    total_prep_minutes BIGINT NOT NULL
);
CREATE INDEX kitchen_queue_view_fifo ON kitchen_queue_view (placed_position);

-- Per customer (phone digits): orders not cancelled, and what they spent on them.
CREATE TABLE customer_history_view (
    phone_key      TEXT   PRIMARY KEY,
    customer_phone TEXT   NOT NULL,
    order_count    BIGINT NOT NULL,
    total_spent    TEXT   NOT NULL
);

-- Per customer and pizza: how many they ordered (orders not cancelled), for the top 3.
CREATE TABLE customer_pizza_counts_view (
    phone_key  TEXT   NOT NULL,
    pizza_id   TEXT   NOT NULL,
    pizza_name TEXT   NOT NULL,
    quantity   BIGINT NOT NULL,
    PRIMARY KEY (phone_key, pizza_id)
);
CREATE INDEX customer_pizza_counts_view_top ON customer_pizza_counts_view (phone_key, quantity DESC);

-- The customer projection's memory of orders that may still be cancelled, so that a
-- cancellation (which names only the order) can be taken back out of the totals.
-- Rows leave when the order is delivered or cancelled.
CREATE TABLE customer_open_orders_view (
    order_id     TEXT PRIMARY KEY,
    phone_key    TEXT NOT NULL,
    total_amount TEXT NOT NULL
);
CREATE TABLE customer_open_order_pizzas_view (
    order_id TEXT   NOT NULL,
    pizza_id TEXT   NOT NULL,
    quantity BIGINT NOT NULL,
    PRIMARY KEY (order_id, pizza_id)
);

-- Pizzas sold per UTC day (`GetPopularPizzas`): `quantity` pizzas in `orders` orders,
-- cancelled orders subtracted. The primary key serves the query's range over days.
CREATE TABLE popular_pizzas_view (
    day        TEXT   NOT NULL,
    pizza_id   TEXT   NOT NULL,
    pizza_name TEXT   NOT NULL,
    quantity   BIGINT NOT NULL,
    orders     BIGINT NOT NULL,
    PRIMARY KEY (day, pizza_id)
);
-- What each open order added to it, to subtract on cancellation (as above).
CREATE TABLE popular_pizzas_open_orders_view (
    order_id TEXT   NOT NULL,
    pizza_id TEXT   NOT NULL,
    day      TEXT   NOT NULL,
    quantity BIGINT NOT NULL,
    PRIMARY KEY (order_id, pizza_id)
);

-- Revenue and order count per UTC hour (`bucket` = 'hour', start 'YYYY-MM-DDTHH:00:00Z')
-- and per UTC day ('day', 'YYYY-MM-DD'), by the time orders were placed; a cancelled
-- order is subtracted from the buckets it was added to. The primary key serves the
-- query's range over one kind of bucket.
CREATE TABLE revenue_view (
    bucket       TEXT   NOT NULL,
    bucket_start TEXT   NOT NULL,
    revenue      TEXT   NOT NULL,
    order_count  BIGINT NOT NULL,
    PRIMARY KEY (bucket, bucket_start)
);
-- What each open order added to it, to subtract on cancellation (as above).
CREATE TABLE revenue_open_orders_view (
    order_id     TEXT PRIMARY KEY,
    placed_at    TEXT NOT NULL,
    total_amount TEXT NOT NULL
);
