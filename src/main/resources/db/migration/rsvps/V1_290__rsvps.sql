-- RSVPs to actions (decision 0037). No foreign key into the actions module's tables: actions are named by id.

-- a host's settings for one action; its row is also what RSVPs to that action lock while deciding going or waitlist,
-- and the mark the count job reads (recount)
create table rsvp_settings (
    action_id uuid primary key,
    capacity integer check (capacity is null or capacity between 1 and 100000),
    questions jsonb not null default '[]',
    instructions text not null default '',
    recount boolean not null default false,
    updated_at timestamptz not null
);

create table rsvps (
    id uuid primary key,
    action_id uuid not null,
    status text not null check (status in ('UNCONFIRMED', 'GOING', 'WAITLISTED', 'CANCELLED')),
    guests integer not null check (guests between 0 and 9),
    -- sealed {name, email, answers}; null once forgotten (the row stays, for counts)
    contact bytea,
    -- blind index of the canonical address: one RSVP per person per action; null once forgotten
    email_index bytea,
    account_id uuid,
    language text not null,
    -- the hash of the confirmation link of a guest's RSVP, until it is confirmed
    confirm_hash text unique,
    -- a random value the RSVP's own link is signed with (RsvpLinks); the link is never stored
    link_salt text not null,
    unsubscribed boolean not null default false,
    created_at timestamptz not null,
    confirmed_at timestamptz,
    -- an unconfirmed RSVP is deleted from then on
    expires_at timestamptz,
    -- its personal data is deleted from then on (the action's end plus the retention period)
    forget_at timestamptz not null
);

create unique index rsvps_one_per_person on rsvps (action_id, email_index) where email_index is not null;
create index rsvps_of_an_action on rsvps (action_id, confirmed_at);
create index rsvps_of_an_account on rsvps (account_id, action_id) where account_id is not null;
create index rsvps_unconfirmed on rsvps (expires_at) where status = 'UNCONFIRMED';
create index rsvps_to_forget on rsvps (forget_at) where contact is not null;

-- the public counts, written by the count job alone
create table rsvp_counts (
    action_id uuid primary key,
    going integer not null,
    refreshed_at timestamptz not null
);

-- the messages hosts sent to an action's RSVPs, for their rate limit (nothing of their text is kept)
create table rsvp_host_messages (
    id uuid primary key,
    action_id uuid not null,
    sent_at timestamptz not null
);
create index rsvp_host_messages_by_action on rsvp_host_messages (action_id, sent_at);
