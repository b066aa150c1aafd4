-- The time zone an organization works in (an IANA id such as Africa/Dakar): scheduled publication is typed and shown
-- in it. Null means the site's default (chorus.organizations.default-time-zone, UTC unless set).
alter table organizations add column time_zone text;
