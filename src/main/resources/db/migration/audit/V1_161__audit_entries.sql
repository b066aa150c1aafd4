-- The audit log: who did what, and when, to an account's security or in an organization. actor_id, subject_id,
-- organization_id, other_organization_id and statement_id refer to other modules' rows by id only (no foreign key):
-- names are read when the log is shown, so a deleted account shows as "a deleted account" and nothing personal is
-- copied here. There is deliberately no network address, device or user-agent column (AuditSchemaTest). Entries are
-- deleted 365 days after they happened (AuditRetention).
create table audit_entries (
    id                    bigint generated always as identity primary key,
    occurred_at           timestamptz not null,
    kind                  text not null check (kind ~ '^[a-z]+\.[A-Z_]+$'),
    -- who did it; null when Chorus did it on its own (a statement published at its scheduled time)
    actor_id              uuid,
    -- whose log it is in, besides the people named: null for an account's own security changes
    organization_id       uuid,
    -- the person it was done to (their role, their account)
    subject_id            uuid,
    -- false when the person it was done to must not see it in their own log (a ban shows the moderator's name)
    shown_to_subject      boolean not null default true,
    other_organization_id uuid,
    statement_id          uuid,
    -- a short label only (a role, a decision, counts, a token's name), never personal data
    detail                text check (length(detail) <= 100)
);

create index audit_entries_organization on audit_entries (organization_id, occurred_at desc, id desc)
    where organization_id is not null;
create index audit_entries_subject on audit_entries (subject_id, occurred_at desc, id desc)
    where subject_id is not null and shown_to_subject;
create index audit_entries_actor on audit_entries (actor_id, occurred_at desc, id desc) where actor_id is not null;
create index audit_entries_age on audit_entries (occurred_at);
