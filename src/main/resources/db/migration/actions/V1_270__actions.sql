-- Local actions under a campaign (docs/decisions/0033-actions.md). No foreign key leaves the module: campaigns,
-- accounts and organizations are referred to by id (the campaign's address too, which never changes).

create table actions (
    id                 uuid primary key,
    campaign_id        uuid        not null,
    campaign_slug      text        not null,
    host_id            uuid        not null,
    organization_id    uuid,
    kind               text        not null check (kind in ('PROTEST', 'EDUCATIONAL', 'LETTER', 'ONLINE', 'OTHER')),
    title              text        not null check (length(title) <= 200),
    description        text        not null default '' check (length(description) <= 20000),
    description_html   text        not null default '',
    -- the times as the host typed them, in the action's own zone; starts_at/ends_at are the same instants
    time_zone          text        not null,
    starts_local       timestamp   not null,
    ends_local         timestamp   not null,
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    -- the local date it starts on, in its own zone: the "day" of the filters ("12 October" wherever it is)
    day                date        not null,
    online_url         text,
    venue              text,
    address            text,
    city_id            bigint,
    city_name          text,
    -- ISO 3166 alpha-2; '' for an online action (it sorts first and never matches a country filter)
    country            text        not null default '',
    -- the pin (the host may move it), shown to the host and organizers ...
    latitude           double precision,
    longitude          double precision,
    city_latitude      double precision,
    city_longitude     double precision,
    -- ... and where public maps put it: the pin, or the city's centre for an approximate location
    map_latitude       double precision,
    map_longitude      double precision,
    approximate        boolean     not null default false,
    accessibility      text        not null default '',
    status             text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    rejection_reason   text,
    cancelled          boolean     not null default false,
    flagship           boolean     not null default false,
    -- raised on every change people should see (iCalendar SEQUENCE)
    sequence           integer     not null default 0,
    -- the host had no approved action under this campaign when it arrived (the moderators' "new host" filter)
    new_host           boolean     not null default true,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    check (ends_at > starts_at),
    check ((online_url is null) <> (city_id is null)),
    check (latitude is null or latitude between -90 and 90),
    check (longitude is null or longitude between -180 and 180)
);

-- the campaign's list and calendar: approved actions by day, then country
create index actions_campaign_listed on actions (campaign_id, status, day, country, starts_at, id);
-- the map: a box of one campaign's approved actions, on plain columns (decision 0032, no PostGIS)
create index actions_campaign_map on actions (campaign_id, map_latitude, map_longitude)
    where status = 'APPROVED' and not cancelled;
-- counts and filters by country
create index actions_country on actions (campaign_id, country) where status = 'APPROVED';
-- the moderation queue: what waits, oldest first
create index actions_pending on actions (campaign_id, created_at, id) where status = 'PENDING';
-- a host's own actions
create index actions_host on actions (host_id, created_at desc);
