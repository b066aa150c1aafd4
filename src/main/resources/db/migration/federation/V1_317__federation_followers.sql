-- Who follows each organization from other servers (federation.Followers): the remote actor, where to deliver to it
-- (its server's shared inbox when it has one, so a statement goes once per server), and the Follow activity it sent,
-- which the Accept or Reject names. A follow waits as 'pending' while the organization approves followers by hand.
create table federation_followers (
    organization_id uuid        not null references organizations (id) on delete cascade,
    actor_id        text        not null,
    inbox           text        not null,
    deliver_to      text        not null,
    follow_id       text        not null,
    state           text        not null check (state in ('pending', 'accepted')),
    created_at      timestamptz not null,
    primary key (organization_id, actor_id)
);
create index federation_followers_accepted on federation_followers (organization_id, deliver_to) where state = 'accepted';

-- How each organization federates, where it differs from the defaults: whether its owners approve followers by hand.
create table federation_settings (
    organization_id           uuid    primary key references organizations (id) on delete cascade,
    manually_approves_followers boolean not null default false
);

-- Activities an inbox has taken in, by id, so one delivered twice (a retry after a lost answer) is acted on once.
-- Forgotten after 30 days (job delete-old-inbox-activities): no server retries for that long.
create table federation_inbox_activities (
    id          text        primary key,
    actor_id    text        not null,
    type        text        not null,
    received_at timestamptz not null
);
create index federation_inbox_activities_received on federation_inbox_activities (received_at);

-- What was sent to followers (federation.TellingFollowers): statements as Articles, actions as Events, by their
-- address, with the organization that sent them, the activity that did, and a digest of the object as sent: a change that leaves it as
-- it was (a republication elsewhere, a new RSVP) sends no Update, and a retraction sends a Delete only for what was
-- sent.
create table federation_sent_objects (
    id              text        primary key,                 -- the statement's or action's address
    organization_id uuid        not null references organizations (id) on delete cascade,
    activity        jsonb       not null,                    -- the Create or Announce, for the Delete or Undo
    digest          text        not null,
    sent_at         timestamptz not null
);

-- Likes and boosts (Announce) of statements from other servers, counted on the statement (federation.Reactions); the
-- activity's id is kept so an Undo removes it, the actor so a deleted account's go with it.
create table federation_reactions (
    activity_id  text        primary key,
    actor_id     text        not null,
    statement_id uuid        not null,
    kind         text        not null check (kind in ('like', 'announce')),
    received_at  timestamptz not null,
    unique (statement_id, actor_id, kind)
);
create index federation_reactions_actor on federation_reactions (actor_id);
