-- Two-factor sign-in (docs/decisions/0010-two-factor.md).

-- An authenticator app's shared secret (RFC 6238), sealed with PersonalData. A row with confirmed_at null is a setup
-- in progress; last_step is the last 30-second step a code was accepted for, so a code is never accepted twice.
create table account_totp (
    account_id   uuid primary key references accounts (id) on delete cascade,
    secret_sealed bytea not null,
    created_at   timestamptz not null,
    confirmed_at timestamptz,
    last_step    bigint not null default 0
);

-- Single-use recovery codes; only the SHA-256 of a code is stored.
create table account_recovery_codes (
    account_id uuid not null references accounts (id) on delete cascade,
    code_hash  text not null,
    created_at timestamptz not null,
    used_at    timestamptz,
    primary key (account_id, code_hash)
);

-- The WebAuthn user handle of an account: random bytes that authenticators keep instead of the address.
create table passkey_users (
    account_id  uuid primary key references accounts (id) on delete cascade,
    user_handle bytea not null unique
);

-- Passkeys (WebAuthn credentials), as Spring Security's CredentialRecord holds them, with the label the person chose.
create table passkeys (
    credential_id      bytea primary key,
    account_id         uuid not null references accounts (id) on delete cascade,
    user_handle        bytea not null,
    credential_type    text not null,
    label              text not null,
    public_key         bytea not null,
    signature_count    bigint not null,
    uv_initialized     boolean not null,
    backup_eligible    boolean not null,
    backup_state       boolean not null,
    transports         text not null,
    attestation_object bytea,
    attestation_client_data_json bytea,
    created_at         timestamptz not null,
    last_used_at       timestamptz not null
);
create index passkeys_account on passkeys (account_id);
create index passkeys_user_handle on passkeys (user_handle);
