-- Seasonal pizzas (`is_seasonal` in the contracts): offered for a season only, and left
-- out of `GetMenu` when it asks for `include_seasonal=false`. 0/1 like `available`.
-- Existing pizzas, and the events recorded before this column, are not seasonal.
ALTER TABLE pizzas ADD COLUMN seasonal BIGINT NOT NULL DEFAULT 0 CHECK (seasonal IN (0, 1));
ALTER TABLE menu_view ADD COLUMN seasonal BIGINT NOT NULL DEFAULT 0;
