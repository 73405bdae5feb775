-- Ingredient stock (the inventory slice).
--
-- `ingredients`: what the kitchen has of each ingredient, in whole units (`unit`: g, ml or
-- pcs). `reserved` is held by placed orders not yet cooked; what can still be sold is
-- `on_hand - reserved`, which a placement never takes below 0. `low_stock_at` is where the
-- management page starts warning. `version` counts the events of `inventory-<ingredient>`.
CREATE TABLE ingredients (
    ingredient   TEXT   PRIMARY KEY,
    unit         TEXT   NOT NULL,
    on_hand      BIGINT NOT NULL CHECK (on_hand >= 0),
    reserved     BIGINT NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    low_stock_at BIGINT NOT NULL DEFAULT 0 CHECK (low_stock_at >= 0),
    version      BIGINT NOT NULL DEFAULT 0
);

-- What one pizza of each size takes of each ingredient (extra toppings are not here: each
-- takes `EXTRA_TOPPING` of the ingredient of its name, scaled by size). A pizza without
-- rows takes no stock.
CREATE TABLE recipes (
    pizza_id   TEXT   NOT NULL,
    size       TEXT   NOT NULL CHECK (size IN ('small', 'medium', 'large')),
    ingredient TEXT   NOT NULL,
    quantity   BIGINT NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (pizza_id, size, ingredient)
);

-- What each placed order holds of each ingredient until it is cooked (consumed) or
-- cancelled (released); the rows go once either happens.
CREATE TABLE stock_reservations (
    order_id   TEXT   NOT NULL,
    ingredient TEXT   NOT NULL,
    quantity   BIGINT NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, ingredient)
);

-- The pizzas that cannot be made now (the smallest size needs more of an ingredient than
-- is left): the write model's list, which stock changes compare against to record
-- `PizzaSoldOut` and `PizzaBackInStock`, and its read model for the menu.
CREATE TABLE sold_out_pizzas (
    pizza_id TEXT PRIMARY KEY
);
CREATE TABLE sold_out_view (
    pizza_id TEXT PRIMARY KEY
);
