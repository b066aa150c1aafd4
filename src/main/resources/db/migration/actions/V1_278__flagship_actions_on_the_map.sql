-- Flagship actions are never folded into a cluster, so every map answer lists those of its box: about 2 % of a
-- campaign's actions, found here without walking the others (decision 0036), index-only like the map's other reads.
create index actions_campaign_flagship on actions (campaign_id, map_latitude, map_longitude)
    include (flagship, kind, day, starts_at, id, title, time_zone, starts_local)
    where status = 'APPROVED' and not cancelled and flagship;
