-- Each listed organization's RSA key pair as an ActivityPub actor (decision 0043): the public key published with the
-- actor, the private key (PKCS#8) sealed with Tink like personal data, so a copy of the database cannot sign for it.
-- Made on first use (federation.ActorKeys), kept while the organization exists.
create table federation_keys (
    organization_id uuid        primary key references organizations (id) on delete cascade,
    public_key_pem  text        not null,
    private_key     bytea       not null,
    created_at      timestamptz not null
);
