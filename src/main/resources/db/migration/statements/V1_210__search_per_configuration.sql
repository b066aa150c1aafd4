-- Search asks each language configuration separately (issue 13, decision 0024): a query such as
-- websearch_to_tsquery('chorus_english', …) is a constant the planner can look up in an index, where
-- websearch_to_tsquery(chorus_search_config(language), …) is a new query per row that no index can serve. Each
-- configuration gets its own partial index, so the planner matches the branch's predicate
-- chorus_search_config(language) = '<config>' to the index that holds exactly those texts. The index over every
-- text is dropped: no query can use it any more.

-- The same mapping as V1_003, with each configuration named by a constant resolved here, once, instead of a text cast
-- to regconfig on every call through the search_path: CREATE INDEX and ANALYZE (and autovacuum) evaluate the partial
-- indexes' predicates with a search_path of pg_catalog only, where 'chorus_english' would not be found. Being made of
-- constants, PostgreSQL can also inline it.
create or replace function chorus_search_config(language text) returns regconfig
    language sql immutable parallel safe
    return case language
               when 'en' then 'chorus_english'::regconfig
               when 'fr' then 'chorus_french'::regconfig
               when 'es' then 'chorus_spanish'::regconfig
               when 'ar' then 'chorus_arabic'::regconfig
               else 'chorus_simple'::regconfig end;

drop index statement_texts_search;

do $$
declare
    config text;
begin
    -- fastupdate off: texts are written rarely and searched often, so a write updates the index at once rather than
    -- leaving entries in a pending list (up to 4 MB per index until a vacuum) that every search would read through
    foreach config in array array['english', 'french', 'spanish', 'arabic', 'simple']
    loop
        -- the whole vector (title A, subtitle B, body C): what a search matches
        execute format('create index statement_texts_search_%1$s on statement_texts using gin (search) '
                       'with (fastupdate = off) '
                       'where chorus_search_config(language) = ''chorus_%1$s''::regconfig', config);
        -- the title alone: a title match ranks first, so search fetches recent title matches apart from the
        -- recent matches anywhere, cheaply (titles are short), even when the word is in most bodies
        execute format('create index statement_texts_title_%1$s on statement_texts '
                       'using gin (to_tsvector(''chorus_%1$s''::regconfig, title)) with (fastupdate = off) '
                       'where chorus_search_config(language) = ''chorus_%1$s''::regconfig', config);
    end loop;
end
$$;

-- How many texts each configuration holds, for the planner: without these statistics it guesses that a condition
-- chorus_search_config(language) = '…' keeps 0.5% of the texts, takes a branch's partial index for a tiny one, and
-- misjudges when walking the dates beats reading the index.
create statistics statement_texts_search_config on (chorus_search_config(language)) from statement_texts;
