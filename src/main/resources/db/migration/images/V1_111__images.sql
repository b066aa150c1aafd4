-- Images writers upload for their statements and announcements, re-encoded without metadata (decision 0011).
-- organization_id refers to organizations by id only (organizations module); uploaded_by to accounts likewise.
create table images (
    id              uuid primary key,
    organization_id uuid not null,
    format          text not null check (format in ('png', 'jpg')),
    width           integer not null check (width between 1 and 4000),
    height          integer not null check (height between 1 and 4000),
    content         bytea not null,
    description     text not null default '',
    uploaded_by     uuid not null,
    uploaded_at     timestamptz not null
);
create index images_organization on images (organization_id, uploaded_at desc);
-- already compressed: stored out of line without another round of compression
alter table images alter column content set storage external;
