-- The drivers' board (`GetDeliveryBoard`), a read model like those of 0004 and with their
-- conventions (PostgreSQL). Written only by the projector; `server rebuild-projections`
-- empties and refills it.
--
-- One row per order from its placement on, since only `OrderPlaced` carries the address,
-- phone, payment and total a driver needs; the row leaves when the order is delivered or
-- cancelled. `lane` says where the order is on the board: 0 still in the kitchen
-- (`pending` or `cooking`, kept but not shown), 1 `ready` (waiting for a driver),
-- 2 `delivering`. `lane_position` is the position of the event that moved it into its
-- lane, so each lane lists the longest waiting first; `ready_at` is set from lane 1 on,
-- `driver` and `out_at` in lane 2.
CREATE TABLE delivery_board_view (
    order_id         TEXT   PRIMARY KEY,
    status           TEXT   NOT NULL,
    lane             BIGINT NOT NULL,
    lane_position    BIGINT NOT NULL,
    customer_name    TEXT   NOT NULL,
    customer_phone   TEXT   NOT NULL,
    customer_address TEXT   NOT NULL,
    payment_method   TEXT   NOT NULL,
    total_amount     TEXT   NOT NULL,
    pizza_count      BIGINT NOT NULL,
    ready_at         TEXT,
    driver           TEXT,
    out_at           TEXT
);
-- The board's order: `WHERE lane > 0 ORDER BY lane, lane_position`.
CREATE INDEX delivery_board_view_by_lane ON delivery_board_view (lane, lane_position);

-- The view is new but the event log is not: the projector's checkpoint is already past
-- the events of the orders in flight. Fill it from the order views, which are at that
-- same checkpoint, with exactly the rows projecting those events would have written.
-- (The lifecycle never repeats a status, so each timeline join finds at most one step.)
INSERT INTO delivery_board_view (order_id, status, lane, lane_position, customer_name,
    customer_phone, customer_address, payment_method, total_amount, pizza_count, ready_at,
    driver, out_at)
SELECT d.order_id, d.status,
       CASE d.status WHEN 'ready' THEN 1 WHEN 'delivering' THEN 2 ELSE 0 END,
       entered.event_position, d.customer_name, d.customer_phone, d.customer_address,
       d.payment_method, d.total_amount, s.pizza_count, ready.at, sent.note, sent.at
FROM order_detail_view d
JOIN order_summary_view s ON s.order_id = d.order_id
JOIN order_timeline_view entered ON entered.order_id = d.order_id
    AND entered.status = CASE d.status WHEN 'cooking' THEN 'pending' ELSE d.status END
LEFT JOIN order_timeline_view ready ON ready.order_id = d.order_id AND ready.status = 'ready'
LEFT JOIN order_timeline_view sent ON sent.order_id = d.order_id
    AND sent.status = 'delivering'
WHERE d.status IN ('pending', 'cooking', 'ready', 'delivering');
