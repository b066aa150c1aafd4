-- The key pair of the site's own actor (/actor, an Application): it signs Chorus's requests for other servers'
-- documents (actors, keys), which servers in authorized-fetch mode (Mastodon's secure mode) refuse unsigned. One row;
-- the private key sealed like the organizations' (federation.ActorKeys).
create table federation_instance_key (
    id             smallint    primary key check (id = 1),
    public_key_pem text        not null,
    private_key    bytea       not null,
    created_at     timestamptz not null
);
