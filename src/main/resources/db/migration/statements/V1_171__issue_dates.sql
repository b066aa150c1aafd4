-- One date of issue for every public statement (decision 0017): the date the writer gave, else the day it went online.
-- issued_precision says whether the day is known ('DAY') or only the month ('MONTH', stored as the month's first day).
-- published_at stays the moment it went online in Chorus.
alter table statements add column issued_precision text not null default 'DAY'
    check (issued_precision in ('DAY', 'MONTH'));

update statements set issued_on = (published_at at time zone 'UTC')::date
where issued_on is null and published_at is not null;

-- Lists show published statements by date of issue, newest first, then by the moment they went online; retracted
-- statements leave lists, so the indexes hold published ones only.
create index statements_listed on statements (issued_on desc, published_at desc) where status = 'PUBLISHED';
create index statements_listed_by_issuer on statements (issuer_id, issued_on desc, published_at desc)
    where status = 'PUBLISHED';
