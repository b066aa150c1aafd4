-- Servers this Chorus, or one organization, will not deal with (federation.DomainBlocks). 'block': nothing is taken
-- from the domain or its subdomains, nothing is delivered to them, their follows and reactions are removed. 'silence':
-- activities are taken, but a follow waits for an owner's approval and likes and boosts are not counted. A row with
-- no organization is the site admins' and holds for every organization.
create table federation_domain_blocks (
    id              bigint      generated always as identity primary key,
    domain          text        not null,
    organization_id uuid        references organizations (id) on delete cascade,
    severity        text        not null check (severity in ('block', 'silence')),
    reason          text        not null default '',
    created_at      timestamptz not null
);
create unique index federation_domain_blocks_instance on federation_domain_blocks (domain) where organization_id is null;
create unique index federation_domain_blocks_organization on federation_domain_blocks (organization_id, domain)
    where organization_id is not null;

-- Replies from other servers that became comments (federation.RepliesAsComments): the note's id, its author, and the
-- comment, so a Delete of the note takes the comment down and a reply to it joins its thread.
create table federation_remote_notes (
    note_id      text        primary key,
    actor_id     text        not null,
    comment_id   uuid        not null,
    statement_id uuid        not null,
    received_at  timestamptz not null
);
create index federation_remote_notes_actor on federation_remote_notes (actor_id);
