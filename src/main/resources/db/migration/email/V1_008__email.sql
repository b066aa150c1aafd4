-- The email engine's outbox. A letter is what a message says (one per language and sending); each outbox row is one
-- message to one address. Addresses and letters are sealed with the data keys (AES-256-GCM); recipient_index is a
-- keyed HMAC of the address, for suppression look-ups without decrypting.
CREATE TABLE email_letters (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text        NOT NULL,
    language    text        NOT NULL,
    batch       text,
    content     bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE email_outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    letter_id        bigint      NOT NULL REFERENCES email_letters (id) ON DELETE CASCADE,
    idempotency_key  text        NOT NULL UNIQUE,
    message_id       text        NOT NULL UNIQUE,
    recipient        bytea       NOT NULL,
    recipient_index  bytea       NOT NULL,
    list             text,
    batch            text,
    status           text        NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'claimed', 'sending', 'sent', 'unknown', 'failed', 'suppressed',
                          'unsubscribed', 'bounced')),
    attempts         int         NOT NULL DEFAULT 0,
    lease_until      timestamptz,
    claimed_by       uuid,
    not_before       timestamptz NOT NULL,
    last_error       text,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz
);

CREATE INDEX email_outbox_due ON email_outbox (id) WHERE status IN ('queued', 'claimed', 'sending');
CREATE INDEX email_outbox_batch ON email_outbox (batch, status) WHERE batch IS NOT NULL;
CREATE INDEX email_outbox_list ON email_outbox (list) WHERE list IS NOT NULL AND status = 'queued';
CREATE INDEX email_outbox_recipient ON email_outbox (recipient_index);
CREATE INDEX email_outbox_sent ON email_outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Addresses that bounced hard (or complained): no more subscribed mail goes to them.
CREATE TABLE email_suppressions (
    recipient_index bytea PRIMARY KEY,
    reason          text        NOT NULL,
    created_at      timestamptz NOT NULL
);
