-- The first answer to each command sent with an Idempotency-Key, so that a retry with
-- the same key and the same request answers it again instead of running twice. Rows
-- older than 24 hours no longer count and are purged.
CREATE TABLE idempotency_keys (
    -- The request type (PlaceOrder): a key is unique per kind of command.
    scope           TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    -- SHA-256 (hex) of the request as JSON: the same key with another request is refused.
    request_hash    TEXT NOT NULL,
    -- The answer as JSON.
    response        TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
