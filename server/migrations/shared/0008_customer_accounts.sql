-- Customers who signed up. A username is unique among staff and customers alike (the
-- sign-up checks staff_accounts too); the email is stored trimmed and lowercase, so two
-- spellings of one address cannot make two accounts. The password is an argon2id PHC
-- string. Orders placed before an account existed stay guest orders.
CREATE TABLE customer_accounts (
    username      TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    name          TEXT NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    phone         TEXT NOT NULL,
    address       TEXT,
    created_at    TEXT NOT NULL
);

-- Customers' signed-in sessions, as staff_sessions: only the token's SHA-256 is kept.
CREATE TABLE customer_sessions (
    token_hash TEXT   PRIMARY KEY,
    username   TEXT   NOT NULL REFERENCES customer_accounts (username) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL
);
CREATE INDEX customer_sessions_by_expiry ON customer_sessions (expires_at);

-- The account that placed an order, when a signed-in customer did; guest orders (all
-- orders placed before accounts existed among them) have none.
ALTER TABLE orders ADD COLUMN customer_username TEXT;
