-- Email addresses are kept sealed (AES-256-GCM with the data keys, see PersonalData) in email_sealed, with a keyed
-- blind index (HMAC of the lower-cased address) in email_index for sign-in and uniqueness. The plain columns email and
-- email_key stay for now: the Java migration V1_011 seals the rows that have them and empties them; a later release
-- drops them.
alter table accounts
    add column email_sealed bytea,
    add column email_index  bytea,
    alter column email drop not null,
    alter column email_key drop not null,
    add constraint accounts_email_present check (email_sealed is not null or email is not null),
    add constraint accounts_email_sealed_indexed check ((email_sealed is null) = (email_index is null));
create unique index accounts_email_index on accounts (email_index);

-- One-time links (only the SHA-256 of the token is stored) that confirm an address: the sign-up address when
-- new_email is null, otherwise the new address a person asked to change to (sealed, with its blind index).
create table address_confirmations (
    token_hash      text primary key,
    account_id      uuid not null references accounts (id) on delete cascade,
    new_email       bytea,
    new_email_index bytea,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz
);
create index address_confirmations_account on address_confirmations (account_id);
