-- Comments on statements. statement_id, organization_id (the statement's issuer, who moderates), author_id and
-- banned_by refer to other modules' rows by id only. network is the SHA-256 hex of the commenter's network prefix
-- (IPv4 /24, IPv6 /48), never the address itself.
create table comments (
    id              uuid primary key,
    statement_id    uuid not null,
    organization_id uuid not null,
    -- replies are one level deep: a reply to a reply is attached to the top-level comment
    parent_id       uuid references comments (id),
    author_id       uuid not null,
    author_name     text not null,
    body            text not null,
    status          text not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'SPAM')),
    network         text not null check (network ~ '^[0-9a-f]{64}$'),
    created_at      timestamptz not null,
    edited_at       timestamptz,
    reports         int not null default 0
);

create index comments_statement on comments (statement_id, created_at) where status = 'APPROVED';
create index comments_queue on comments (organization_id, created_at) where status = 'PENDING' or reports > 0;
create index comments_author on comments (organization_id, author_id);

-- People an organization no longer accepts comments from.
create table comment_bans (
    organization_id uuid not null,
    account_id      uuid not null,
    banned_by       uuid not null,
    banned_at       timestamptz not null,
    primary key (organization_id, account_id)
);

-- One report per person and comment.
create table comment_reports (
    comment_id  uuid not null references comments (id) on delete cascade,
    reporter_id uuid not null,
    reason      text,
    created_at  timestamptz not null,
    primary key (comment_id, reporter_id)
);
