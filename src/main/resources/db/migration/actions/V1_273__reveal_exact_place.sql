-- An approximate location may be revealed to everyone some hours before the start (0 to 168; null: never). The
-- moment is computed from starts_at when a page is read; no job runs.
alter table actions add column reveal_hours smallint check (reveal_hours between 0 and 168);
