-- An endpoint whose messages all failed for days is turned off (webhooks.DisablingFailingEndpoints): nothing more is
-- queued for it until an owner turns it on again; its owners are told (notifications).
alter table webhook_endpoints add column disabled_at timestamptz;
