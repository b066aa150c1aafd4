-- Republications of statements on this Chorus follow their original (decision 0018): existing ones take the
-- original's date of issue, place, correction time, signatories, text and published translations, as
-- Statements.followOriginal does on every change of the original.
update statements c set
    issued_on = coalesce(s.issued_on, cast(s.published_at at time zone 'UTC' as date)),
    issued_precision = s.issued_precision, place = s.place, corrected_at = s.corrected_at, source_title = t.title,
    source_published_on = coalesce(s.issued_on, cast(s.published_at at time zone 'UTC' as date))
from statements s
join statement_texts t on t.statement_id = s.id and t.language = s.original_language
where c.source_statement_id = s.id;

delete from statement_texts ct using statements c
where ct.statement_id = c.id and c.source_statement_id is not null
  and not exists (select 1 from statement_texts t join statements s on s.id = t.statement_id
                  where s.id = c.source_statement_id and t.language = ct.language
                    and (t.status = 'PUBLISHED' or t.language = s.original_language));

insert into statement_texts (statement_id, language, title, subtitle, body, body_html, body_text, translator, status,
                             updated_at, search)
select c.id, t.language, t.title, t.subtitle, t.body, t.body_html, t.body_text, t.translator,
       case when c.status in ('PUBLISHED', 'RETRACTED') then 'PUBLISHED' else 'DRAFT' end, t.updated_at, t.search
from statements c
join statements s on s.id = c.source_statement_id
join statement_texts t on t.statement_id = s.id and (t.status = 'PUBLISHED' or t.language = s.original_language)
on conflict (statement_id, language) do update set
    title = excluded.title, subtitle = excluded.subtitle, body = excluded.body, body_html = excluded.body_html,
    body_text = excluded.body_text, translator = excluded.translator, status = excluded.status,
    updated_at = excluded.updated_at, search = excluded.search;

delete from statement_signatories g using statements c
where g.statement_id = c.id and c.source_statement_id is not null;

insert into statement_signatories (statement_id, position, name, role_title, organization)
select c.id, g.position, g.name, g.role_title, g.organization
from statements c join statement_signatories g on g.statement_id = c.source_statement_id;
