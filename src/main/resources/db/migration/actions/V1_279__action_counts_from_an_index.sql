-- The campaign page counts its approved actions by kind and by country (decision 0036): at 100,000 actions that read
-- the whole table (about 100 ms); this small index (deduplicated: few kinds and countries) answers it index-only.
create index actions_campaign_counts on actions (campaign_id, kind, country) where status = 'APPROVED' and not cancelled;
