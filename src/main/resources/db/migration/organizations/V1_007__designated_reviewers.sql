-- An owner may designate people of the organization as reviewers of its statements (approve, send back, correct,
-- retract), without making them owners.
alter table memberships add column reviewer boolean not null default false;
