-- When an event sent to followers ends (federation.TellingFollowers): until then a job sends an Update when its Event
-- changed without an edit (its exact place revealed at the hour the host chose, its number of participants); null
-- for statements.
alter table federation_sent_objects add column ends_at timestamptz;
create index federation_sent_objects_upcoming on federation_sent_objects (ends_at) where ends_at is not null;
