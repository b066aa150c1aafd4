-- An organization's calendar (docs/decisions/0035-campaign-and-action-api.md): the approved actions it hosts, latest
-- first, found by the index rather than by reading every action of every campaign.
create index actions_organization on actions (organization_id, starts_at desc, id)
    where status = 'APPROVED' and organization_id is not null;
