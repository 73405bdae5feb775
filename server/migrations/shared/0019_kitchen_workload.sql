-- What the kitchen has in hand (the kitchen slice's KitchenWorkloadView), for the
-- ready-time estimate and the overload rule: one row per order not yet out of the oven,
-- with its cooking minutes, its place in the queue (the position of its OrderPlaced) and
-- since when it cooks (NULL while it waits), and one row
-- (id 1) summing the waiting orders, so a placement reads the queue in one statement.
-- Filled from the whole event log by the projector on its first start.
CREATE TABLE kitchen_jobs_view (
    order_id        TEXT   PRIMARY KEY,
    cook_minutes    BIGINT NOT NULL,
    placed_position BIGINT NOT NULL,
    cooking_since   TEXT
);
CREATE INDEX kitchen_jobs_cooking ON kitchen_jobs_view (cooking_since);
CREATE INDEX kitchen_jobs_queue ON kitchen_jobs_view (placed_position);

CREATE TABLE kitchen_workload_view (
    id              BIGINT PRIMARY KEY CHECK (id = 1),
    waiting_orders  BIGINT NOT NULL,
    waiting_minutes BIGINT NOT NULL
);
