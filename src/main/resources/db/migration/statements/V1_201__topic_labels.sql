-- Topics as people wrote them ("Loss and damage"), by the slug statements, follows and filters use (loss-and-damage).
-- One label per slug across the site: the last one a writer typed.
create table statement_topics (
    slug       text primary key,
    label      text not null,
    updated_at timestamptz not null
);

-- Topics saved before labels existed get their slug with spaces, capitalized.
insert into statement_topics (slug, label, updated_at)
select distinct t.slug, upper(left(t.slug, 1)) || replace(substr(t.slug, 2), '-', ' '), now()
from statements s cross join lateral unnest(s.topics) as t (slug)
on conflict (slug) do nothing;
