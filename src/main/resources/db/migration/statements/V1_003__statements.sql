-- Full-text search in every shipped language, accent-insensitive (unaccent), and trigram matching (pg_trgm).
-- Both extensions ship with PostgreSQL's contrib package; the database user needs the right to create them once.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

do $$
declare
    pair text[];
begin
    foreach pair slice 1 in array array[['english', 'english_stem'], ['french', 'french_stem'],
                                        ['spanish', 'spanish_stem'], ['arabic', 'arabic_stem'],
                                        ['simple', 'simple']]
    loop
        execute format('create text search configuration chorus_%s (copy = %s)', pair[1], pair[1]);
        execute format('alter text search configuration chorus_%s alter mapping for hword, hword_part, word '
                       'with unaccent, %s', pair[1], pair[2]);
    end loop;
end
$$;

-- The search configuration for a text in the given language; languages without a stemmer use 'simple'.
create function chorus_search_config(language text) returns regconfig
    language sql immutable parallel safe
    return (case language
                when 'en' then 'chorus_english'
                when 'fr' then 'chorus_french'
                when 'es' then 'chorus_spanish'
                when 'ar' then 'chorus_arabic'
                else 'chorus_simple' end)::regconfig;

-- Joint statements. issuer_id and cosigner ids refer to organizations by id only (organizations module).
create table statements (
    id                uuid primary key,
    slug              text not null unique,
    issuer_id         uuid not null,
    original_language text not null,
    status            text not null check (status in ('DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'RETRACTED')),
    issued_on         date,
    place             text,
    topics            text[] not null default '{}',
    comments_enabled  boolean not null default false,
    scheduled_for     timestamptz,
    published_at      timestamptz,
    corrected_at      timestamptz,
    retracted_at      timestamptz,
    retraction_note   text,
    review_comment    text,
    -- republication: another organization's statement shown here with attribution
    source_statement_id uuid references statements (id),
    source_url          text,
    source_title        text,
    source_publisher    text,
    source_published_on date,
    introduction        text,
    created_by        uuid not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           integer not null default 0
);
create index statements_issuer on statements (issuer_id, status, published_at desc);
create index statements_published on statements (status, published_at desc);
create index statements_topics on statements using gin (topics);
create index statements_source on statements (source_statement_id);

-- The text of a statement in one language: the original and each translation.
create table statement_texts (
    statement_id  uuid not null references statements (id) on delete cascade,
    language      text not null,
    title         text not null,
    subtitle      text not null default '',
    body          text not null,
    body_html     text not null,
    body_text     text not null default '',
    translator    text,
    status        text not null check (status in ('DRAFT', 'PUBLISHED')),
    updated_at    timestamptz not null,
    search        tsvector,
    primary key (statement_id, language)
);
create index statement_texts_search on statement_texts using gin (search);

-- Every saved change of a text; published ones are what readers can compare.
create table statement_revisions (
    id           uuid primary key,
    statement_id uuid not null references statements (id) on delete cascade,
    language     text not null,
    number       integer not null,
    title        text not null,
    subtitle     text not null default '',
    body         text not null,
    published    boolean not null,
    note         text,
    created_by   uuid not null,
    created_at   timestamptz not null,
    unique (statement_id, language, number)
);

-- Organizations that issue the statement together with the issuer, in the order shown.
create table statement_cosigners (
    statement_id    uuid not null references statements (id) on delete cascade,
    organization_id uuid not null,
    position        integer not null,
    primary key (statement_id, organization_id)
);

-- Named signatories shown at the end like a signed letter.
create table statement_signatories (
    statement_id uuid not null references statements (id) on delete cascade,
    position     integer not null,
    name         text not null,
    role_title   text not null default '',
    organization text not null default '',
    primary key (statement_id, position)
);
