-- ids of comment form stamps that brought a comment in, each refused a second time until the stamp would have expired
-- anyway; CommentRetention deletes them after that. In the database, not in memory, so that every node refuses a stamp
-- another node took.
create table comment_form_stamps_used (
    id text primary key,
    usable_until timestamptz not null
);
create index comment_form_stamps_used_until on comment_form_stamps_used (usable_until);
