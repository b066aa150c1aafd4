-- Letters to officials (docs/decisions/0039-letters-to-officials.md). A campaign carries at most one letter, written
-- per language with a locked core between an opening and a closing the supporter may change; officials (targets)
-- are kept per country. What a supporter writes waits sealed in letter_drafts until they confirm their address, and
-- goes when it is sent: only counts (letter_outreach) and, for the rate limit, a blind index of the address
-- (letter_senders, deleted after 30 days) remain.

create table letters (
    campaign_id    uuid primary key,
    campaign_slug  text        not null,
    enabled        boolean     not null,
    -- the send window: local dates in the campaign's time zone, both included
    opens_on       date        not null,
    closes_on      date        not null,
    subject_locked boolean     not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

create table letter_texts (
    campaign_id uuid not null references letters (campaign_id) on delete cascade,
    language    text not null,
    subject     text not null,
    -- the supporter may rewrite the opening and the closing; the core is sent as the organizers wrote it
    opening     text not null,
    core        text not null,
    closing     text not null,
    primary key (campaign_id, language)
);

create table letter_targets (
    id          uuid primary key,
    campaign_id uuid        not null,
    country     text        not null check (country ~ '^[A-Z]{2}$'),
    office      text        not null,
    name        text        not null,
    -- an official's public address or the https address of their contact form: one of the two
    email       text,
    web_form    text,
    note        text        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    check ((email is null) <> (web_form is null)),
    -- a re-import updates the target it names by country, office and contact, instead of adding it again
    contact_key text        not null generated always as (coalesce(lower(email), web_form)) stored,
    unique (campaign_id, country, office, contact_key)
);
create index letter_targets_country on letter_targets (campaign_id, country);

create table letter_drafts (
    id                 uuid primary key,
    campaign_id        uuid        not null,
    country            text        not null,
    targets            uuid[]      not null,
    -- the supporter's name, address, subject and body, sealed (PersonalData, column "letter_drafts.content")
    content            bytea       not null,
    email_index        bytea       not null,
    confirm_token_hash text        not null unique,
    language           text        not null,
    created_at         timestamptz not null,
    expires_at         timestamptz not null
);
create index letter_drafts_expiry on letter_drafts (expires_at);

-- one letter per supporter, campaign and day (in the campaign's zone), known by the blind index of the address only
create table letter_senders (
    campaign_id uuid        not null,
    email_index bytea       not null,
    sent_on     date        not null,
    forget_at   timestamptz not null,
    primary key (campaign_id, email_index, sent_on)
);
create index letter_senders_forget on letter_senders (forget_at);

-- what stays of letters: how many went to each target, each day, each way
create table letter_outreach (
    campaign_id uuid    not null,
    country     text    not null,
    target_id   uuid    not null,
    day         date    not null,
    way         text    not null check (way in ('CHORUS', 'OWN_MAIL')),
    letters     integer not null,
    primary key (campaign_id, target_id, day, way)
);
create index letter_outreach_country on letter_outreach (campaign_id, country);
