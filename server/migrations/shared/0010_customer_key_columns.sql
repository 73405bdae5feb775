-- Since accounts (0008) the customer key of the history and summary views holds a
-- guest's phone digits or an account's `@username`: the columns are named for that.
-- Indexes and primary keys follow a renamed column by themselves.
ALTER TABLE order_summary_view RENAME COLUMN customer_phone_key TO customer_key;
ALTER TABLE customer_history_view RENAME COLUMN phone_key TO customer_key;
ALTER TABLE customer_pizza_counts_view RENAME COLUMN phone_key TO customer_key;
ALTER TABLE customer_open_orders_view RENAME COLUMN phone_key TO customer_key;
