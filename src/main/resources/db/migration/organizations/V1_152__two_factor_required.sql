-- An organization's owners can require two-factor sign-in of everyone with a role in it (decision 0010).
alter table organizations add column two_factor_required boolean not null default false;
