-- What an API create answered, by the account and the Idempotency-Key its client sent (shared.web.IdempotentCreates):
-- the same key again gets the same answer instead of a second creation; the same key with another body gets 422.
-- Kept a day (job delete-old-idempotency-keys).
create table api_idempotency_keys (
    account_id   uuid        not null,
    key          text        not null,
    request_hash text        not null,
    status       integer     not null,
    location     text,
    body         bytea       not null,
    created_at   timestamptz not null,
    primary key (account_id, key)
);
create index api_idempotency_keys_created on api_idempotency_keys (created_at);
