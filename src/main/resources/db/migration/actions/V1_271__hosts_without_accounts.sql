-- Hosts without an account (docs/decisions/0034-hosts-without-accounts.md). A visitor's form waits in
-- action_submissions until its address is confirmed (then it becomes an action, or it expires); an action whose host
-- has no account has no host_id and one row in action_hosts with the host's sealed name and email.

alter table actions alter column host_id drop not null;

create table action_submissions (
    id                 uuid primary key,
    campaign_id        uuid        not null,
    campaign_slug      text        not null,
    -- the form as typed (checked when sent, checked again when confirmed); nothing here is shown anywhere
    form               jsonb       not null,
    -- the host's name and email, sealed (PersonalData, column "action_hosts.contact"), and the email's blind index
    contact            bytea       not null,
    email_index        bytea       not null,
    confirm_token_hash text        not null unique,
    language           text        not null,
    created_at         timestamptz not null,
    expires_at         timestamptz not null
);
create index action_submissions_expiry on action_submissions (expires_at);

create table action_hosts (
    action_id          uuid primary key references actions (id) on delete cascade,
    contact            bytea       not null,
    email_index        bytea       not null,
    -- the private manage link's token, hashed (SHA-256, hex): the link is the host's only key
    manage_token_hash  text        not null unique,
    language           text        not null,
    -- when the sealed contact goes (some time after the campaign ends): the action stays, without its host's contact
    forget_at          timestamptz not null
);
create index action_hosts_email on action_hosts (email_index);
create index action_hosts_forget on action_hosts (forget_at);
