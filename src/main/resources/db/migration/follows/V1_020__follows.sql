-- People who follow an organization or a topic by email, without an account. A follower is one address (sealed with
-- the data keys, column "follows.email", and found by its blind index); each of their follows is one subscription with
-- its own settings, status and secret (only its SHA-256 hash is kept).
CREATE TABLE followers (
    id          uuid PRIMARY KEY,
    email       bytea       NOT NULL,
    email_index bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL
);

CREATE TABLE follows (
    id               uuid PRIMARY KEY,
    follower_id      uuid        NOT NULL REFERENCES followers (id) ON DELETE CASCADE,
    -- 'organization:<uuid>' or 'topic:<slug>': one follow per follower and target
    target           text        NOT NULL,
    organization_id  uuid,
    topic            text,
    include_children boolean     NOT NULL DEFAULT false,
    frequency        text        NOT NULL CHECK (frequency IN ('IMMEDIATE', 'WEEKLY')),
    language         text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'UNSUBSCRIBED')),
    token_hash       text        NOT NULL UNIQUE,
    -- when the follow was last asked for: unconfirmed ones are deleted some days after
    requested_at     timestamptz NOT NULL,
    confirmed_at     timestamptz,
    unsubscribed_at  timestamptz,
    last_digest_at   timestamptz,
    UNIQUE (follower_id, target),
    CHECK ((organization_id IS NULL) <> (topic IS NULL))
);

CREATE INDEX follows_organization ON follows (organization_id, follower_id) WHERE status = 'ACTIVE';
CREATE INDEX follows_topic ON follows (topic, follower_id) WHERE status = 'ACTIVE';
CREATE INDEX follows_weekly ON follows (last_digest_at) WHERE status = 'ACTIVE' AND frequency = 'WEEKLY';
CREATE INDEX follows_pending ON follows (requested_at) WHERE status = 'PENDING';
CREATE INDEX follows_unsubscribed ON follows (unsubscribed_at) WHERE status = 'UNSUBSCRIBED';

-- Messages an organization's editors write to its followers; sent now or at scheduled_for.
CREATE TABLE announcements (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id uuid        NOT NULL,
    language        text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('DRAFT', 'SCHEDULED', 'SENT')),
    scheduled_for   timestamptz,
    sent_at         timestamptz,
    recipients      integer,
    created_by      uuid        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE INDEX announcements_due ON announcements (scheduled_for) WHERE status = 'SCHEDULED';
CREATE INDEX announcements_organization ON announcements (organization_id, created_at DESC);
