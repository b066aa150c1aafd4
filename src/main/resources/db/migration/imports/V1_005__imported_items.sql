-- What an import brought in, so importing the same export again creates no duplicates.
create table imported_items (
    organization_id uuid not null,
    source_site     text not null,
    source_id       text not null,
    statement_id    uuid not null,
    imported_at     timestamptz not null,
    primary key (organization_id, source_site, source_id)
);
