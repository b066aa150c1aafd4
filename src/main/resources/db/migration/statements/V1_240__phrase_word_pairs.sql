-- Phrases of common words (issue 13, decision 0024 "Fourth pass"): GIN keeps no word positions, so a phrase such as
-- "wingless opprobrium", whose two words are each in 40,000 of 100,000 texts but side by side in a few, could only be
-- checked on every text having both words (1.5 s and "too broad"). Each configuration now also indexes the pairs of
-- adjacent words of every text: a phrase asks first for the texts holding each of its pairs, then checks the phrase on
-- those few.

-- The adjacent word pairs of a vector (lexemes at positions p and p + 1), each as a 32-bit hash of "lexeme lexeme":
-- a third of the size of the pairs as text, and a collision only brings one more text to check, never loses one.
-- md5, not hashtext: its value is fixed forever, where an index over hashtext could silently break on an upgrade.
-- A stop word leaves a gap in the positions, so "right to housing" has no pair, as its query has no <-> between
-- them ('right' <2> 'hous'); a vector's positions stop at 16383 and 256 per word, as the phrase check itself does.
-- Its cost tells the planner that computing it is dear (about a millisecond for a long text): never a filter on every
-- row, only what an index answers.
create function chorus_word_pairs(vector tsvector) returns int[]
    language sql immutable parallel safe strict cost 100000
    return (select coalesce(array_agg(distinct ('x' || left(md5(x.word || ' ' || x.next), 8))::bit(32)::int), '{}')
            from (select u.lexeme as word, p.position,
                         lead(u.lexeme) over (order by p.position) as next,
                         lead(p.position) over (order by p.position) as next_position
                  from unnest(vector) u(lexeme, positions, weights), unnest(u.positions) p(position)) x
            where x.next_position = x.position + 1);

-- The pairs every text matching these phrases has, in a configuration: the pairs of each phrase's own vector, made
-- the way a text's is (the same parser, dictionaries and positions as websearch_to_tsquery's phrases).
create function chorus_phrase_pairs(configuration regconfig, phrases text[]) returns int[]
    language sql immutable parallel safe strict
    return (select coalesce(array_agg(distinct pair), '{}')
            from unnest(phrases) phrase, unnest(chorus_word_pairs(to_tsvector(configuration, phrase))) pair);

-- One index per configuration, like its words' index (V1_210). Statistics at 10 (3,000 rows sampled): computing the
-- pairs of every sampled text is what ANALYZE costs here, and the planner needs no more than "a pair is rare" unless it
-- is among the most common ones.
do $$
declare
    config text;
begin
    foreach config in array array['english', 'french', 'spanish', 'arabic', 'simple']
    loop
        execute format('create index statement_texts_pairs_%1$s on statement_texts using gin ('
                       '(case when chorus_search_config(language) = ''chorus_%1$s''::regconfig'
                       ' then chorus_word_pairs(search) end)) '
                       'with (fastupdate = off)', config);
        execute format('alter index statement_texts_pairs_%1$s alter column 1 set statistics 10', config);
    end loop;
end
$$;
