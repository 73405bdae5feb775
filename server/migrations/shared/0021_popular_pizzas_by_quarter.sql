-- Pizzas sold are now counted per UTC quarter of an hour (`quarter`, start
-- 'YYYY-MM-DDTHH:MM:00Z'), as revenue is since 0020, so a look-back over the shop's days
-- starts at the shop's midnight in any time zone. The rows by UTC day go, and with its
-- checkpoint the view is filled again from the event log when the server next starts.
DELETE FROM popular_pizzas_view;
DELETE FROM popular_pizzas_open_orders_view;
ALTER TABLE popular_pizzas_view RENAME COLUMN day TO quarter;
ALTER TABLE popular_pizzas_open_orders_view RENAME COLUMN day TO quarter;
DELETE FROM projection_checkpoints WHERE name = 'popular_pizzas_view';
-- A database still on the one shared checkpoint of early versions: from the start too.
INSERT INTO projection_checkpoints (name, position)
SELECT 'popular_pizzas_view', 0 WHERE EXISTS (SELECT 1 FROM projection_checkpoints WHERE name = 'views');
