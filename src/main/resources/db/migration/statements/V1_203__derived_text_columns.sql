-- What the database derives from a statement text, computed by PostgreSQL on every insert and update (and COPY), so
-- the application, migrations and the data generator (bench/generate) can never write it differently (issue 13):
-- the search vector in the text's language configuration (title A, subtitle B, body C), and the excerpt lists show,
-- so a list reads 400 characters instead of detoasting every body.
alter table statement_texts drop column search;
alter table statement_texts add column search tsvector generated always as (
    setweight(to_tsvector(chorus_search_config(language), title), 'A')
    || setweight(to_tsvector(chorus_search_config(language), subtitle), 'B')
    || setweight(to_tsvector(chorus_search_config(language), body_text), 'C')) stored;
alter table statement_texts add column excerpt text generated always as (left(body_text, 400)) stored;
create index statement_texts_search on statement_texts using gin (search);
