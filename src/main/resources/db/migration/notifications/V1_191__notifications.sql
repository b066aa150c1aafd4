-- What the notifications module tells people (decision 0021). Each row is one person's notice of one workflow step;
-- a task (is_task) stays open until the step is done (closed_at), and the open ones are that person's "Your tasks".
-- Ids of other modules' rows only, no foreign keys into their tables.
create table notifications (
    id              uuid primary key,
    account_id      uuid not null,
    kind            text not null,
    -- what it is about: an organization, a statement or a comment
    subject_id      uuid not null,
    organization_id uuid,
    statement_id    uuid,
    -- who caused the step: the writer who submitted, the organization's requester, the comment's author
    requester_id    uuid,
    -- the other organization (a co-issue request's issuer) and a time it mentions (a scheduled publication)
    other_organization_id uuid,
    detail_at       timestamptz,
    -- the same step told twice (an event delivered again) is one notice
    event_key       text not null,
    is_task         boolean not null,
    created_at      timestamptz not null,
    closed_at       timestamptz,
    -- when it went out in a daily summary (people who chose one)
    summarized_at   timestamptz,
    unique (account_id, event_key)
);
create index notifications_open on notifications (account_id) where is_task and closed_at is null;
create index notifications_subject on notifications (subject_id, kind);
create index notifications_unsummarized on notifications (account_id) where summarized_at is null;

-- How each person wants to hear of steps: EACH (an email per step, the default when there is no row), DAILY (one
-- summary a day) or NONE (only the list of tasks).
create table notification_preferences (
    account_id uuid primary key,
    frequency  text not null check (frequency in ('EACH', 'DAILY', 'NONE')),
    updated_at timestamptz not null
);

-- One daily summary per person per day, whichever node runs the job and however often.
create table notification_summaries (
    account_id uuid not null,
    day        date not null,
    sent_at    timestamptz not null,
    primary key (account_id, day)
);

-- Steps done, by kind and subject: a task whose event arrives after its step was done (listeners run concurrently)
-- is stored closed.
create table notification_closures (
    kind       text not null,
    subject_id uuid not null,
    closed_at  timestamptz not null,
    primary key (kind, subject_id)
);
