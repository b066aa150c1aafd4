-- The campaign dashboard counts a campaign's RSVPs (issue 16, item 11): each RSVP names its action's campaign (actions
-- never change campaign), so the count reads one index instead of every action of the campaign. RSVPs made before
-- this take their action's campaign once, here.
alter table rsvps add column campaign_id uuid;
update rsvps r set campaign_id = a.campaign_id from actions a where a.id = r.action_id;
alter table rsvps alter column campaign_id set not null;
create index rsvps_of_a_campaign on rsvps (campaign_id, status, confirmed_at) include (guests);
