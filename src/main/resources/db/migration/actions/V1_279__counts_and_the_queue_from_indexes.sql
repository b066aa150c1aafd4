-- The campaign page counts its approved actions by kind and by country (decision 0036): at 100,000 actions that read
-- the whole table (about 100 ms); this small index (deduplicated: few kinds and countries) answers it index-only.
create index actions_campaign_counts on actions (campaign_id, kind, country) where status = 'APPROVED' and not cancelled;

-- The moderation queue counts what waits and what its filters keep, and filters by kind, day, country and new host:
-- with those in the index of waiting actions, 5,000 of them are counted and filtered without reading the table.
drop index if exists actions_pending;
create index actions_pending on actions (campaign_id, created_at, id) include (kind, day, country, new_host)
    where status = 'PENDING';
