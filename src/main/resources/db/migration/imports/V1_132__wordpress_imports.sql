-- One row per upload of a WordPress export: how far it has gone (items done of total, updated while it runs, in
-- transactions of their own so every node's progress page sees them) and, once it has committed, its report (JSON).
create table wordpress_imports (
    id              uuid primary key,
    organization_id uuid not null,
    started_by      uuid not null,
    status          text not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    total           integer not null,
    done            integer not null default 0,
    report          text,
    failure         text,
    started_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index wordpress_imports_organization on wordpress_imports (organization_id, started_at);
