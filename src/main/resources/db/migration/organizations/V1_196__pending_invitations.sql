-- Owners see the invitations that wait (who invited whom, when) and withdraw or send one again (issue 12, item 9).
-- An id names an invitation in the owners' forms (the token hash never leaves the server); the language is the one
-- the letter was written in, so the link's page speaks it; withdrawn_at says the organization took it back, and
-- replaced_at that a newer link was sent in its place.
alter table invitations
    add column id           uuid not null default gen_random_uuid(),
    add column language     text,
    add column withdrawn_at timestamptz,
    add column replaced_at  timestamptz,
    add constraint invitations_id unique (id);
