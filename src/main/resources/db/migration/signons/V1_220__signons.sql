-- Sign-ons: organizations and people endorse a published statement (docs/decisions/0028-sign-ons.md).
-- No foreign key leaves the module: statements and organizations are referred to by id.

-- A statement open (or once opened) for sign-on, with the organizers' choices. One row per statement; closing keeps
-- the row (and the list), re-opening flips it back.
create table signon_openings (
    statement_id               uuid primary key,
    -- the statement's issuer, whose editors manage the sign-on
    organization_id            uuid        not null,
    opened_by                  uuid        not null,
    who_may_sign               text        not null check (who_may_sign in ('ORGANIZATIONS', 'PEOPLE', 'BOTH')),
    closes_at                  timestamptz,
    -- whether people who consent are listed by name (each person still chooses)
    show_people_names          boolean     not null default true,
    auto_approve_people        boolean     not null default true,
    auto_approve_organizations boolean     not null default false,
    thank_you                  text        not null default '',
    -- personal data of sign-ons is deleted this many days after the sign-on closes
    retention_days             integer     not null default 365 check (retention_days between 1 and 3650),
    status                     text        not null check (status in ('OPEN', 'CLOSED')),
    opened_at                  timestamptz not null,
    closed_at                  timestamptz
);
create index signon_openings_organization on signon_openings (organization_id);

-- One sign-on by an organization or a person. What the public may see is kept in clear (an organization's name,
-- website and description; a person's name, affiliation and title only when they consented and the opening shows
-- names); everything personal (email, contact person, a person's name in every case) is one sealed JSON document
-- (PersonalData, column "signons.personal") found by the blind index of the canonical email. Withdrawal deletes the
-- row; retention empties "personal" and "email_index" and keeps country, kind and status for the counts.
create table signons (
    id                  uuid primary key,
    statement_id        uuid        not null references signon_openings (statement_id),
    kind                text        not null check (kind in ('ORGANIZATION', 'PERSON')),
    -- PENDING: email not confirmed yet; CONFIRMED: waits for an organizer; APPROVED: listed and counted
    status              text        not null check (status in ('PENDING', 'CONFIRMED', 'APPROVED', 'REJECTED')),
    country             char(2)     not null check (country ~ '^[A-Z]{2}$'),
    name                text,
    affiliation         text,
    title               text,
    website             text,
    description         text,
    show_name           boolean     not null default false,
    -- lower-cased name without punctuation | country | website host: equal keys are flagged as possible duplicates
    organization_key    text,
    -- a Chorus organization signing in one click by one of its owners
    organization_id     uuid,
    signed_by           uuid,
    personal            bytea,
    email_index         bytea,
    -- HMAC of the sender's network prefix (NetworkPrefix), for the suspicious view; never an address
    network             text        not null,
    language            text        not null,
    confirm_token_hash  text unique,
    withdraw_token_hash text unique,
    created_at          timestamptz not null,
    confirmed_at        timestamptz,
    -- an unconfirmed sign-on is deleted after this
    expires_at          timestamptz,
    check ((kind = 'PERSON') = (organization_key is null)),
    check (status <> 'PENDING' or expires_at is not null)
);
-- one sign-on per person per statement, matched on the blind index of the canonical address
create unique index signons_person_once on signons (statement_id, email_index) where kind = 'PERSON';
-- one one-click sign-on per Chorus organization per statement
create unique index signons_organization_once on signons (statement_id, organization_id)
    where organization_id is not null;
create index signons_statement on signons (statement_id, kind, status);
create index signons_organization_key on signons (statement_id, organization_key) where organization_key is not null;
create index signons_pending on signons (expires_at) where status = 'PENDING';

-- "Keep me informed by <organization>": one row per sign-on and organization the signer ticked (never bundled).
create table signon_consents (
    signon_id       uuid not null references signons (id) on delete cascade,
    organization_id uuid not null,
    primary key (signon_id, organization_id)
);

-- Totals shown on public pages; written only by the count job (every few seconds), never per sign-on.
create table signon_counts (
    statement_id  uuid primary key references signon_openings (statement_id),
    organizations integer     not null default 0,
    countries     integer     not null default 0,
    people        integer     not null default 0,
    refreshed_at  timestamptz not null
);
