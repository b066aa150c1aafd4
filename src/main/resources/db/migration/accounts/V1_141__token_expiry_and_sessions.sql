-- API tokens expire (chosen at creation, at most a year). Tokens made before this release get 90 days from now.
-- Only the day a token was last used is kept (it is shown to its owner; the exact time would say more than needed).
alter table api_tokens add column expires_at timestamptz;
update api_tokens set expires_at = now() + interval '90 days' where expires_at is null;
alter table api_tokens alter column expires_at set not null;
alter table api_tokens add column last_used_day date;
update api_tokens set last_used_day = (last_used_at at time zone 'UTC')::date where last_used_at is not null;
alter table api_tokens drop column last_used_at;

-- What a person sees of their signed-in sessions (the sessions themselves live in the server's memory). The session
-- id is kept only as its SHA-256; the device is a coarse browser family and operating system from the User-Agent;
-- never a network address. last_seen_day is written at most once a day per session.
create table account_sessions (
    id            uuid primary key,
    session_hash  text not null unique,
    account_id    uuid not null references accounts (id) on delete cascade,
    browser       text,
    os            text,
    created_at    timestamptz not null,
    last_seen_day date not null
);
create index account_sessions_account on account_sessions (account_id);
