-- The date of issue and of publication of a text's statement, on the text itself (issue 13, decision 0024 "Seventh
-- pass"): a phrase search finds the older texts holding its word pairs through their index, then sorts them newest
-- first; with the dates on the statement it looked up each text's statement by key first (1,500 look-ups, about 3 ms,
-- for a phrase of two common words at 100,000 statements), where now it sorts the texts as read and looks up only the
-- statements of the texts that hold the phrase. Kept by the database, like the search vector (V1_203), so no write of
-- the application, a migration or the data generator can leave them out of step: a text takes its statement's dates
-- when it is written, and a statement whose dates change gives them to its texts.
alter table statement_texts add column issued_on date, add column published_at timestamptz;

create function chorus_text_takes_statement_dates() returns trigger
    language plpgsql as $$
begin
    select s.issued_on, s.published_at into new.issued_on, new.published_at
    from statements s where s.id = new.statement_id;
    return new;
end
$$;

create trigger statement_texts_dates before insert or update on statement_texts
    for each row execute function chorus_text_takes_statement_dates();

create function chorus_statement_gives_texts_dates() returns trigger
    language plpgsql as $$
begin
    update statement_texts t set issued_on = new.issued_on, published_at = new.published_at
    where t.statement_id = new.id
      and (t.issued_on, t.published_at) is distinct from (new.issued_on, new.published_at);
    return null;
end
$$;

create trigger statements_dates_to_texts after update of issued_on, published_at on statements
    for each row when (old.issued_on is distinct from new.issued_on or old.published_at is distinct from new.published_at)
    execute function chorus_statement_gives_texts_dates();

-- The texts written before: each takes its statement's dates (the trigger above). Every text row is written again, and
-- PostgreSQL would update each of the text indexes row by row (the word pairs' index, 1,000 entries a text, without a
-- pending list): 10 minutes and more at 100,000 statements. So the indexes that back no constraint are dropped first
-- and built again from their own definitions after, with the statistics targets of their columns (about 3 minutes at
-- 100,000 statements on 2 cores; seconds for an archive of a few thousand). Inside the migration's transaction: a
-- failure leaves them as they were.
do $$
declare
    rebuilt record;
    kept text[] := '{}';
    targets text[] := '{}';
    statement text;
begin
    for rebuilt in
        select i.oid, quote_ident(i.relname) as name, pg_get_indexdef(x.indexrelid) as definition
        from pg_index x
        join pg_class i on i.oid = x.indexrelid
        where x.indrelid = 'statement_texts'::regclass
          and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
    loop
        kept := kept || rebuilt.definition;
        targets := targets || array(
            select format('alter index %s alter column %s set statistics %s', rebuilt.name, a.attnum, a.attstattarget)
            from pg_attribute a
            where a.attrelid = rebuilt.oid and a.attnum > 0 and coalesce(a.attstattarget, -1) >= 0);
        execute 'drop index ' || rebuilt.name;
    end loop;
    update statement_texts t set issued_on = s.issued_on, published_at = s.published_at
    from statements s
    where s.id = t.statement_id and (s.issued_on is not null or s.published_at is not null);
    foreach statement in array kept || targets
    loop
        execute statement;
    end loop;
end
$$;
