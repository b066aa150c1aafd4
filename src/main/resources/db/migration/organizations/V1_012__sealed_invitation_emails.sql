-- The invited address is kept sealed (AES-256-GCM with the data keys) with a keyed blind index to match it with the
-- account that accepts. The plain email_key stays for now: the Java migration V1_013 seals the rows that have it and
-- empties it; a later release drops it.
alter table invitations
    add column email_sealed bytea,
    add column email_index  bytea,
    alter column email_key drop not null,
    add constraint invitations_email_present check (email_sealed is not null or email_key is not null);
