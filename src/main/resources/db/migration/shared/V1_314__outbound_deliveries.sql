-- Requests Chorus must make to outside servers (federation's activities to inboxes; later the API's webhooks), queued
-- in the transaction of the change that causes them and sent by shared.outbound.OutboundQueue through the SSRF guard
-- (decision 0043): claimed under a lease, at most a few at a time per server, retried with backoff for two days.
-- A request whose answer was lost (the node died meanwhile) is sent again: receivers deduplicate by the activity's id.
create table outbound_deliveries (
    id              bigint generated always as identity primary key,
    channel         text        not null,           -- who signs: 'federation' (HTTP Signatures), later 'webhooks'
    sender          text        not null,           -- whose key signs, as the channel names it
    idempotency_key text        not null unique,
    target          text        not null,           -- the https URL posted to
    host            text        not null,           -- its host, for the limit per server
    content_type    text        not null,
    body            bytea       not null,
    status          text        not null default 'queued' check (status in ('queued', 'claimed', 'delivered', 'failed')),
    attempts        int         not null default 0,
    not_before      timestamptz not null,
    claimed_by      uuid,
    lease_until     timestamptz,
    last_status     int,
    last_error      text,
    created_at      timestamptz not null,
    finished_at     timestamptz
);

create index outbound_deliveries_due on outbound_deliveries (id) where status in ('queued', 'claimed');
create index outbound_deliveries_finished on outbound_deliveries (finished_at) where finished_at is not null;
