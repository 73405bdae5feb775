-- How far each projector has applied the event log. A projector advances its row in
-- the same transaction as the read models it writes, so after a crash it resumes exactly
-- where its last commit left it: no event is applied twice or skipped.
CREATE TABLE projection_checkpoints (
    name     TEXT   PRIMARY KEY,
    position BIGINT NOT NULL
);
