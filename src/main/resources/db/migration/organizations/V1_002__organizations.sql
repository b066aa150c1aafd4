-- Coalitions and the organizations under them, as a tree: a coalition has no parent; commissions, regional
-- chapters, member and allied organizations hang below a coalition or below one another.
create table organizations (
    id          uuid primary key,
    slug        text not null unique,
    name        text not null,
    kind        text not null check (kind in ('COALITION', 'COMMISSION', 'CHAPTER', 'MEMBER', 'ALLIED')),
    parent_id   uuid references organizations (id),
    status      text not null check (status in ('PENDING', 'ACTIVE', 'REJECTED')),
    country     text check (country ~ '^[A-Z]{2}$'),
    languages   text[] not null default '{}',
    website     text,
    description text not null default '',
    created_at  timestamptz not null,
    created_by  uuid,
    decided_at  timestamptz,
    check ((kind = 'COALITION') = (parent_id is null))
);
create index organizations_parent on organizations (parent_id);

-- People's roles in organizations. account_id refers to the accounts module by id only.
create table memberships (
    organization_id uuid not null references organizations (id) on delete cascade,
    account_id      uuid not null,
    role            text not null check (role in ('OWNER', 'EDITOR', 'MODERATOR', 'MEMBER')),
    created_at      timestamptz not null,
    primary key (organization_id, account_id)
);
create index memberships_account on memberships (account_id);

-- Invitations to join an organization with a role; only the SHA-256 of the link's token is stored.
create table invitations (
    token_hash      text primary key,
    organization_id uuid not null references organizations (id) on delete cascade,
    email_key       text not null,
    role            text not null check (role in ('OWNER', 'EDITOR', 'MODERATOR', 'MEMBER')),
    invited_by      uuid not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    accepted_at     timestamptz,
    accepted_by     uuid
);
create index invitations_organization on invitations (organization_id);
