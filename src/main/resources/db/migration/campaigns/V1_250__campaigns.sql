-- Campaigns: a window of dates with days of action, demands and a call, issued by an organization
-- (docs/decisions/0031-campaigns.md). No foreign key leaves the module: organizations and statements are referred to
-- by id.

-- Dates are local dates in the campaign's own time zone: "12 October" is that day wherever an action happens.
create table campaigns (
    id                uuid primary key,
    slug              text        not null unique,
    organization_id   uuid        not null,
    original_language text        not null,
    status            text        not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    time_zone         text        not null,
    starts_on         date        not null,
    ends_on           date        not null,
    days_of_action    date[]      not null check (cardinality(days_of_action) >= 1),
    -- ActionKind names, in the enum's order
    kinds             text[]      not null default '{}',
    -- partner organizations and related statements, in the order the organizers gave them
    partners          uuid[]      not null default '{}',
    statements        uuid[]      not null default '{}',
    published_at      timestamptz,
    withdrawn_at      timestamptz,
    withdrawal_note   text,
    created_by        uuid        not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    check (ends_on >= starts_on)
);
-- an organization's campaigns, and the public lists (newest window first, keyset by start date and id)
create index campaigns_organization on campaigns (organization_id, starts_on desc, id desc);
create index campaigns_published on campaigns (starts_on desc, id desc) where status = 'PUBLISHED';

-- A campaign's words in one language: the original, or a translation. The call's rendering is stored as the Markdown
-- renderer made it and sanitized again when read (as statements' texts are).
create table campaign_texts (
    campaign_id uuid        not null references campaigns (id) on delete cascade,
    language    text        not null,
    title       text        not null,
    summary     text        not null default '',
    call        text        not null,
    call_html   text        not null,
    demands     text[]      not null default '{}',
    updated_at  timestamptz not null,
    primary key (campaign_id, language)
);
