-- Turnout reports and their photos (docs/decisions/0038-turnout-reports-and-photos.md). No foreign key leaves the
-- module: actions and campaigns are referred to by id. Photos' bytes live in the upload store (a directory), never here.

create table turnout_reports (
    action_id      uuid primary key,
    campaign_id    uuid        not null,
    campaign_slug  text        not null,
    -- copied from the action when filed, so the campaign's totals group on this table's own index
    country        text        not null default '',
    day            date        not null,
    participants   integer     not null check (participants between 0 and 1000000),
    body           text        not null default '' check (length(body) <= 2000),
    hidden         boolean     not null default false,
    -- who filed it last (an account, or the host's emailed link), sealed with PersonalData; null once forgotten
    filed_by       bytea,
    forget_at      timestamptz not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

-- the campaign page's totals by country and by day: one grouped query reading only this index
create index turnout_reports_totals on turnout_reports (campaign_id, country, day) include (participants)
    where not hidden;
-- the retention job: reports whose filer is still known
create index turnout_reports_forget on turnout_reports (forget_at) where filed_by is not null;

create table turnout_photos (
    id           uuid primary key,
    action_id    uuid        not null references turnout_reports (action_id) on delete cascade,
    position     integer     not null,
    width        integer     not null check (width between 1 and 2048),
    height       integer     not null check (height between 1 and 2048),
    format       text        not null check (format in ('jpg')),
    -- where the bytes are in the upload store, e.g. turnout/<id>.jpg
    store_key    text        not null unique,
    caption      text        not null default '' check (length(caption) <= 300),
    uploaded_by  bytea,
    created_at   timestamptz not null
);

create index turnout_photos_action on turnout_photos (action_id, position);

-- the letter asking a host for a report: one row per action, written with the letter, so it goes once; hosts without
-- an account get a link of their own (its hash), good until the report's filer is forgotten
create table turnout_requests (
    action_id   uuid primary key,
    asked_at    timestamptz not null,
    token_hash  text unique,
    expires_at  timestamptz
);
