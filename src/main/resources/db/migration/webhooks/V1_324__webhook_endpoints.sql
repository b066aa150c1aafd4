-- Where an organization's owners want to hear of its events (webhooks.WebhookEndpoints): an HTTPS address, the event
-- types it takes, and its secret (Standard Webhooks, "whsec_…"), sealed at rest like personal data so a copy of the
-- database cannot sign for anyone. Deliveries are rows of outbound_deliveries (channel "webhooks", sender = the
-- endpoint's id).
create table webhook_endpoints (
    id              uuid        primary key,
    organization_id uuid        not null references organizations (id) on delete cascade,
    url             text        not null,
    events          text[]      not null,
    description     text        not null default '',
    secret_sealed   bytea       not null,
    created_by      uuid        not null,
    created_at      timestamptz not null
);
create index webhook_endpoints_organization on webhook_endpoints (organization_id);
