-- Numbered lists of public actions, soonest first (OSDI's events, issue 18): across every public campaign, and in one
-- campaign. Approved actions only, as the lists show no other.
create index actions_approved_by_start on actions (starts_at, id) where status = 'APPROVED';
create index actions_campaign_by_start on actions (campaign_id, starts_at, id) where status = 'APPROVED';
