-- The map's clusters at low zoom, kept per campaign by a job (decision 0036, "The world map"): a world map at zoom 2
-- groups every approved action of the campaign, and reading 100,000 index entries for it took 40–60 ms per request.
-- The job groups them once into the squares of zooms 0–6 (GridCells: a square of zoom z is four of zoom z + 1), per kind
-- and day so that the map's filters read them too; a request adds up a few thousand rows instead.
create table action_map_cells (
    campaign_id   uuid not null,
    zoom          smallint not null check (zoom between 0 and 20),
    x             integer not null,
    y             integer not null,
    kind          text not null,
    day           date not null,
    actions       integer not null check (actions > 0),
    latitude_sum  double precision not null,
    longitude_sum double precision not null,
    -- one of the square's actions: the point shown instead of a cluster when the square holds only one
    one_action    uuid not null,
    primary key (campaign_id, zoom, x, y, kind, day)
);

-- Campaigns whose map changed since the job last grouped it (a change marks its campaign in its own transaction).
create table action_map_marks (
    campaign_id   uuid primary key,
    campaign_slug text not null
);

-- When the job last grouped a campaign's map: a campaign not yet grouped is read from the actions themselves.
create table action_map_grouped (
    campaign_id uuid primary key,
    grouped_at  timestamptz not null
);

insert into action_map_marks (campaign_id, campaign_slug)
select distinct on (campaign_id) campaign_id, campaign_slug from actions order by campaign_id;
