-- The shop's opening hours (the hours slice): one row (id 1). `hours` is the JSON the
-- manager last set ({timezone, weekly, closures}); NULL until then, when SHOP_TIMEZONE
-- and SHOP_HOURS (every day 11:00-22:00 UTC by default) apply. `version` counts the
-- events of the stream `hours-shop`.
CREATE TABLE shop_hours (
    id      BIGINT PRIMARY KEY CHECK (id = 1),
    hours   TEXT,
    version BIGINT NOT NULL
);
INSERT INTO shop_hours (id, hours, version) VALUES (1, NULL, 0);
