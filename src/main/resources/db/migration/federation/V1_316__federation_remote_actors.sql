-- Actors of other servers Chorus has met (who signed a request to an inbox, who follows an organization): where to
-- deliver to them and the key they sign with (federation.RemoteActors). Public data, fetched from their servers and
-- refreshed after a day, or at once when a signature fails with the key kept (the key was rotated).
create table federation_remote_actors (
    id                 text        primary key,
    key_id             text        not null unique,
    public_key_pem     text        not null,
    inbox              text        not null,
    shared_inbox       text,
    preferred_username text,
    name               text,
    url                text,
    fetched_at         timestamptz not null
);
