-- A closed sign-on is recounted only while its retention period runs (docs/decisions/0028-sign-ons.md, "Counts and
-- lists"); a sign-on that changes later (withdrawn, approved, rejected or removed by an organizer) marks its closed
-- opening here, and the count job's next run counts that statement again and clears the mark.
alter table signon_openings add column recount boolean not null default false;
