-- Actors of other servers an organization follows (federation.Following): another Chorus's organization, a Mobilizon
-- group, a Mastodon account. The Follow Chorus sent is named by its id, which the Accept or Reject names back; the
-- follow waits as 'pending' until one comes, and stays 'rejected' (shown to the owners) after a Reject.
create table federation_following (
    organization_id uuid        not null references organizations (id) on delete cascade,
    actor_id        text        not null,
    follow_id       text        not null unique,
    state           text        not null check (state in ('pending', 'accepted', 'rejected')),
    created_at      timestamptz not null,
    answered_at     timestamptz,
    primary key (organization_id, actor_id)
);
create index federation_following_actor on federation_following (actor_id) where state = 'accepted';

-- What followed actors publish publicly (federation.AlliedPosts): articles, posts and events, by their address, kept
-- while an organization here follows their author, changed by their author's Update, gone with its Delete. The
-- content is kept as sanitized HTML; it is shown as text and with a link to the original, never with its images.
create table federation_allied_posts (
    object_id    text        primary key,
    seq          bigint      generated always as identity, -- the order of arrival: with the date, the feed's place
    actor_id     text        not null,
    type         text        not null check (type in ('Article', 'Note', 'Page', 'Event')),
    name         text,
    summary      text,
    content_html text        not null,
    language     text,
    url          text        not null,
    published_at timestamptz not null,
    updated_at   timestamptz,
    start_time   timestamptz,
    end_time     timestamptz,
    place        text,
    cancelled    boolean     not null default false,
    received_at  timestamptz not null
);
create index federation_allied_posts_by_actor on federation_allied_posts (actor_id, published_at desc, seq desc);

-- Which allied post an organization republished, and as which of its statements: the feed marks it, and a second
-- click does not make a second copy.
create table federation_allied_republications (
    organization_id uuid not null references organizations (id) on delete cascade,
    object_id       text not null,
    statement_id    uuid not null,
    republished_at  timestamptz not null,
    primary key (organization_id, object_id)
);
