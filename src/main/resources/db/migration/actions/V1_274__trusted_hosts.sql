-- Hosts and organizations a campaign's organizers trust (issue 15, item 6): actions of a trusted host, or hosted for a
-- trusted organization by one of its members, are approved at once, as the organizers' own are.
create table action_trusted_hosts (
    campaign_id     uuid        not null,
    account_id      uuid,
    organization_id uuid,
    trusted_by      uuid        not null,
    trusted_at      timestamptz not null,
    check ((account_id is null) <> (organization_id is null))
);

create unique index action_trusted_accounts on action_trusted_hosts (campaign_id, account_id)
    where account_id is not null;
create unique index action_trusted_organizations on action_trusted_hosts (campaign_id, organization_id)
    where organization_id is not null;
