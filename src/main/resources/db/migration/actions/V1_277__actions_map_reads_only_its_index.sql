-- The map at 100,000 actions (docs/decisions/0036-actions-at-scale.md): its clusters group every approved action of a
-- box and its points are read by the thousand at high zoom, so both read only this index (index-only scans): it
-- carries the filters' kind and day, flagship, the start the points are ordered by, and what a point shows (id, title,
-- its zone and local start), never the table's wide rows (descriptions, addresses).
drop index if exists actions_campaign_map;
create index actions_campaign_map on actions (campaign_id, map_latitude, map_longitude)
    include (flagship, kind, day, starts_at, id, title, time_zone, starts_local)
    where status = 'APPROVED' and not cancelled;
