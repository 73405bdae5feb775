-- Devices an account signed in from before. A browser that signed in successfully gets a
-- device cookie; its sign-ins then take a lane of the password check of their own, so a
-- flood of guesses from elsewhere cannot keep the account's owner out. Only the SHA-256
-- of the cookie's token is stored; expires_at is in Unix seconds (UTC).
CREATE TABLE known_devices (
    token_hash TEXT   PRIMARY KEY,
    username   TEXT   NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX known_devices_by_username ON known_devices (username);
