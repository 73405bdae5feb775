-- A staff account can be disabled (`server staff disable`): it can no longer sign in, its
-- sessions are gone, and it is no driver an order can go out with. NULL: active.
ALTER TABLE staff_accounts ADD COLUMN disabled_at TEXT;
