-- Who took each step of an order (`done_by`: a member of staff's username), for the
-- order's timeline. Null for the customer's own steps and for steps recorded before
-- events named who took them.
ALTER TABLE order_timeline_view ADD COLUMN done_by TEXT;
