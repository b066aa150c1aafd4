-- Each version of a statement's original text records the signatories and co-issuers it was saved with, so that the
-- comparison of two versions shows their changes too. Null: saved before they were recorded.
alter table statement_revisions add column signatories jsonb, add column cosigners uuid[];

-- Signatories and co-issuers change only with a new version, so the latest version of each original text was saved
-- with the ones the statement has today.
update statement_revisions r set
    signatories = coalesce((select jsonb_agg(jsonb_build_object('name', g.name, 'roleTitle', g.role_title,
                                                                'organization', g.organization) order by g.position)
                            from statement_signatories g where g.statement_id = r.statement_id), '[]'::jsonb),
    cosigners = coalesce((select array_agg(c.organization_id order by c.position)
                          from statement_cosigners c where c.statement_id = r.statement_id), '{}')
from statements s
where s.id = r.statement_id and r.language = s.original_language
  and r.number = (select max(x.number) from statement_revisions x
                  where x.statement_id = r.statement_id and x.language = r.language);
