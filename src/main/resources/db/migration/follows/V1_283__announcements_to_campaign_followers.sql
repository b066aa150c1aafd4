-- An organization's announcement goes to its own followers or to the followers of one of its published campaigns
-- (decision 0040): campaign_id names that campaign, null for the organization's followers.
alter table announcements add column campaign_id uuid;
