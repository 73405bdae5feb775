-- Revenue is now kept per UTC quarter of an hour (`bucket` = 'quarter', start
-- 'YYYY-MM-DDTHH:MM:00Z') and summed into the hours and days of the shop's time zone when
-- read. The rows by UTC hour and day go, and with its checkpoint the view is filled again
-- from the event log when the server next starts.
DELETE FROM revenue_view;
DELETE FROM revenue_open_orders_view;
DELETE FROM projection_checkpoints WHERE name = 'revenue_view';
-- A database still on the one shared checkpoint of early versions: from the start too.
INSERT INTO projection_checkpoints (name, position)
SELECT 'revenue_view', 0 WHERE EXISTS (SELECT 1 FROM projection_checkpoints WHERE name = 'views');
