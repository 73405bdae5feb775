-- What an order costs beyond its pizzas (the pricing slice).
--
-- `shop_pricing` holds one row (id 1), written here with no fee and no tax, so that
-- shops migrated from before pricing existed charge what they charged. Amounts are
-- decimal text like every price; `tax_rate` is a fraction ("0.1" is 10 %). `version`
-- counts the events of the stream `pricing-shop`.
CREATE TABLE shop_pricing (
    id                 BIGINT PRIMARY KEY CHECK (id = 1),
    delivery_fee       TEXT   NOT NULL,
    free_delivery_from TEXT,
    tax_rate           TEXT   NOT NULL,
    prices_include_tax BIGINT NOT NULL CHECK (prices_include_tax IN (0, 1)),
    version            BIGINT NOT NULL
);
INSERT INTO shop_pricing (id, delivery_fee, free_delivery_from, tax_rate, prices_include_tax,
                          version)
VALUES (1, '0.00', NULL, '0', 1, 0);

-- Promo codes, in capitals. `uses` counts the orders placed with the code; placing
-- increments it only while it is below `max_uses` (NULL: no limit). Times are RFC 3339
-- UTC text, NULL for "no bound".
CREATE TABLE promo_codes (
    code         TEXT   PRIMARY KEY,
    kind         TEXT   NOT NULL CHECK (kind IN ('percent', 'amount')),
    value        TEXT   NOT NULL,
    valid_from   TEXT,
    valid_until  TEXT,
    max_uses     BIGINT,
    min_subtotal TEXT,
    uses         BIGINT NOT NULL DEFAULT 0
);

-- An order's bill as JSON ({subtotal, delivery_fee, discount, tax, prices_include_tax,
-- total, promo_code}); NULL for orders placed before: their pizzas were their total.
ALTER TABLE order_detail_view ADD COLUMN breakdown TEXT;
