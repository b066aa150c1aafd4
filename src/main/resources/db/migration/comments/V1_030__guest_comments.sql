-- Comments by visitors without an account ("guests"). A guest comment waits as UNCONFIRMED (not shown, not in the
-- moderation queue) until its author follows the link mailed to the address they gave; then it is PENDING like any
-- other comment. The address is kept only sealed (AES-GCM, column "comments.guest_email") with its blind index
-- (keyed HMAC) for bans; the link is kept only as the SHA-256 hash of its token.
alter table comments drop constraint comments_status_check;
alter table comments add constraint comments_status_check
    check (status in ('UNCONFIRMED', 'PENDING', 'APPROVED', 'REJECTED', 'SPAM'));
alter table comments
    add column guest_email       bytea,
    add column guest_email_index bytea,
    add column confirm_token     text unique,
    add column confirm_until     timestamptz;
alter table comments add constraint comments_guest_complete
    check ((guest_email is null) = (guest_email_index is null));

create index comments_unconfirmed on comments (confirm_until) where status = 'UNCONFIRMED';
create index comments_guest on comments (organization_id, guest_email_index) where guest_email_index is not null;

-- Guests an organization no longer accepts comments from, by the blind index of their address.
create table comment_email_bans (
    organization_id uuid  not null,
    email_index     bytea not null,
    banned_by       uuid  not null,
    banned_at       timestamptz not null,
    primary key (organization_id, email_index)
);
