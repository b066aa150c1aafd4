-- Search's language filter on the configuration several languages share (chorus_simple: every language without a
-- stemmer here). Written as t.language = :language, the planner multiplied its selectivity (German: 5 % of texts) with
-- that of a word among chorus_simple texts (nearly all German), estimated a common German word's 6,000 matches as
-- 300, and sorted them all instead of walking the newest statements (40 ms instead of 2). PL/pgSQL is not inlined, so
-- the planner gives this call its default selectivity and leaves the estimate to the index expression's statistics.
-- Decision 0024.
create or replace function chorus_text_in_language(text_language text, wanted text) returns boolean
    language plpgsql immutable strict parallel safe
as $$
begin
    return text_language = wanted;
end
$$;
