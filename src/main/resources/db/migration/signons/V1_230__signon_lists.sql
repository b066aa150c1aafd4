-- The public list of a statement's sign-ons and the count job (docs/decisions/0028-sign-ons.md, "Counts and lists").

-- Listed organizations: the count job counts them and their countries from this index alone, and the list reads them
-- country by country.
create index signons_listed_organizations on signons (statement_id, country, id)
    where status = 'APPROVED' and kind = 'ORGANIZATION';

-- People listed by name (they consented), newest first: the list and the API walk it by (created_at, id).
create index signons_listed_people on signons (statement_id, created_at desc, id desc)
    where status = 'APPROVED' and kind = 'PERSON' and show_name;
