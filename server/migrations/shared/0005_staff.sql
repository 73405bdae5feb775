-- Staff who sign in to run the pizzeria. Passwords are argon2id PHC strings, never the
-- password itself; the role is one of chef, driver, manager.
CREATE TABLE staff_accounts (
    username      TEXT PRIMARY KEY,
    role          TEXT NOT NULL CHECK (role IN ('chef', 'driver', 'manager')),
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

-- Signed-in sessions. Only the SHA-256 of the cookie's token is stored, so reading this
-- table does not let anyone sign in; expires_at is in Unix seconds (UTC).
CREATE TABLE staff_sessions (
    token_hash TEXT   PRIMARY KEY,
    username   TEXT   NOT NULL REFERENCES staff_accounts (username) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL
);
CREATE INDEX staff_sessions_by_expiry ON staff_sessions (expires_at);
