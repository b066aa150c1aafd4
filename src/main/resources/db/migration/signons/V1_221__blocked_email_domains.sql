-- Email domains an opening takes no sign-on from (lower case, without "@"): a sign-on from one is answered as if
-- accepted and never stored (docs/decisions/0028-sign-ons.md).
alter table signon_openings add column blocked_domains text[] not null default '{}';
