-- Write side of Mario's Pizzeria (PostgreSQL). Money is stored as exact decimal text
-- ("12.99"), ids as text (slugs for pizzas, UUIDs for orders), times as RFC 3339 UTC text
-- with fixed width so that text order is time order.

-- The menu. `toppings` is a JSON array of the extra toppings a customer may add.
-- `available` is 0/1 rather than BOOLEAN: sqlx's Any driver cannot decode SQLite booleans,
-- and one column type for both backends keeps the queries shared.
CREATE TABLE pizzas (
    id                  TEXT    PRIMARY KEY,
    name                TEXT    NOT NULL,
    description         TEXT    NOT NULL,
    base_price          TEXT    NOT NULL,
    category            TEXT    NOT NULL,
    toppings            TEXT    NOT NULL,
    preparation_minutes BIGINT  NOT NULL CHECK (preparation_minutes > 0),
    available           BIGINT  NOT NULL DEFAULT 1 CHECK (available IN (0, 1)),
    sort_order          BIGINT  NOT NULL
);

-- One row per order; `version` counts the events of the order's stream.
CREATE TABLE orders (
    id                 TEXT   PRIMARY KEY,
    status             TEXT   NOT NULL,
    customer_name      TEXT   NOT NULL,
    customer_phone     TEXT   NOT NULL,
    customer_address   TEXT   NOT NULL,
    payment_method     TEXT   NOT NULL,
    total_amount       TEXT   NOT NULL,
    created_at         TEXT   NOT NULL,
    estimated_ready_at TEXT   NOT NULL,
    version            BIGINT NOT NULL
);

-- The lines of an order, priced by the server when the order was placed.
CREATE TABLE order_items (
    order_id             TEXT   NOT NULL REFERENCES orders (id),
    line_no              BIGINT NOT NULL,
    pizza_id             TEXT   NOT NULL,
    pizza_name           TEXT   NOT NULL,
    size                 TEXT   NOT NULL,
    toppings             TEXT   NOT NULL,
    quantity             BIGINT NOT NULL CHECK (quantity BETWEEN 1 AND 20),
    special_instructions TEXT,
    unit_price           TEXT   NOT NULL,
    line_price           TEXT   NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- Append-only event store, written in the same transaction as the state it describes
-- (outbox). `position` is the global order; (stream_id, stream_version) is unique, which
-- is what makes concurrent writers of one stream conflict instead of interleaving.
CREATE TABLE events (
    position       BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream_id      TEXT    NOT NULL,
    stream_version BIGINT  NOT NULL,
    event_type     TEXT    NOT NULL,
    schema_version BIGINT  NOT NULL,
    payload        TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    correlation_id TEXT,
    UNIQUE (stream_id, stream_version)
);
