-- Search asks each language configuration separately (issue 13, decision 0024): a query such as
-- websearch_to_tsquery('chorus_english', …) is a constant the planner can look up in an index, where
-- websearch_to_tsquery(chorus_search_config(language), …) is a new query per row that no index can serve. Each
-- configuration gets its own index (below). The index over every text is dropped: no query can use it any more.

-- The same mapping as V1_003, with each configuration named by a constant resolved here, once, instead of a text cast
-- to regconfig on every call through the search_path: CREATE INDEX and ANALYZE (and autovacuum) evaluate the indexes'
-- expressions below with a search_path of pg_catalog only, where 'chorus_english' would not be found. Being made of
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

-- Per configuration, an index on an expression that is the text's vector when the text is in that configuration and
-- null otherwise, rather than a partial index: ANALYZE keeps statistics for an index expression (the lexemes and how
-- often each occurs), which the planner needs to choose between reading the index (a rare word) and walking the
-- dates (a word in most texts). The column's statistics mix the languages (an English word frequent in English
-- texts looked frequent in French ones), and a partial index's statistics are ignored. 1000 as the statistics target
-- keeps 10,000 lexemes per configuration, so a word outside them is known to be rare.
do $$
declare
    config text;
begin
    -- fastupdate off: texts are written rarely and searched often, so a write updates the index at once rather than
    -- leaving entries in a pending list (up to 4 MB per index until a vacuum) that every search would read through
    foreach config in array array['english', 'french', 'spanish', 'arabic', 'simple']
    loop
        -- the whole vector (title A, subtitle B, body C): what a search matches
        execute format('create index statement_texts_search_%1$s on statement_texts using gin ('
                       '(case when chorus_search_config(language) = ''chorus_%1$s''::regconfig then search end)) '
                       'with (fastupdate = off)', config);
        execute format('alter index statement_texts_search_%1$s alter column 1 set statistics 1000', config);
        -- the title alone: a title match ranks first, so search fetches recent title matches apart from the
        -- recent matches anywhere, cheaply (titles are short), even when the word is in most bodies
        execute format('create index statement_texts_title_%1$s on statement_texts using gin ('
                       '(case when chorus_search_config(language) = ''chorus_%1$s''::regconfig'
                       ' then to_tsvector(''chorus_%1$s''::regconfig, title) end)) '
                       'with (fastupdate = off)', config);
        execute format('alter index statement_texts_title_%1$s alter column 1 set statistics 1000', config);
    end loop;
end
$$;
