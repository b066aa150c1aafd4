-- Letters Chorus sent to each official in each clock hour: the per-official limit (LetterRateLimits.PER_TARGET),
-- counted in the transaction that queues the letters, so it holds across nodes and restarts. Rows older than a day
-- are deleted by the hourly retention job.
create table letter_target_hours (
    target_id uuid        not null,
    hour      timestamptz not null,
    letters   integer     not null,
    primary key (target_id, hour)
);
create index letter_target_hours_by_hour on letter_target_hours (hour);
