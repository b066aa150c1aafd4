-- People who can sign in. Email is kept as typed for display; email_key (lower-cased) makes it unique.
create table accounts (
    id            uuid primary key,
    email         text not null,
    email_key     text not null unique,
    display_name  text not null,
    password_hash text not null,
    status        text not null check (status in ('PENDING', 'ACTIVE', 'DISABLED')),
    site_admin    boolean not null default false,
    language      text not null default 'en',
    created_at    timestamptz not null,
    activated_at  timestamptz
);

-- One-time password reset links; only the SHA-256 of the token is stored.
create table password_resets (
    token_hash text primary key,
    account_id uuid not null references accounts (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index password_resets_account on password_resets (account_id);

-- API tokens; only the SHA-256 of the token is stored.
create table api_tokens (
    id           uuid primary key,
    account_id   uuid not null references accounts (id) on delete cascade,
    token_hash   text not null unique,
    label        text not null,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_tokens_account on api_tokens (account_id);
