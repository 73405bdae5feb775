-- The kitchen's work pizza by pizza (MarkPizzaReady, PizzaReady).
-- Write model: when each line came out of the oven and who said so, and when the order
-- went in (for the minutes each pizza took). Orders cooking now take the time of their
-- CookingStarted event.
ALTER TABLE order_items ADD COLUMN ready_at TEXT;
ALTER TABLE order_items ADD COLUMN ready_by TEXT;
ALTER TABLE orders ADD COLUMN cooking_since TEXT;
UPDATE orders SET cooking_since = (
    SELECT MIN(e.recorded_at) FROM events e
    WHERE e.stream_id = 'order-' || orders.id AND e.event_type = 'CookingStarted'
) WHERE status = 'cooking';

-- Read side: each line's progress for the kitchen board and the order page, and the
-- timeline steps of single lines (`pizza_line`, `pizza`: the line and its words).
ALTER TABLE order_detail_items_view ADD COLUMN ready_at TEXT;
ALTER TABLE order_detail_items_view ADD COLUMN ready_by TEXT;
ALTER TABLE order_timeline_view ADD COLUMN pizza_line BIGINT;
ALTER TABLE order_timeline_view ADD COLUMN pizza TEXT;
