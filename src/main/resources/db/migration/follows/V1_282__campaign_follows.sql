-- Following a campaign (issue 16, decision 0040): its new actions, anywhere or within some kilometres of a city of the
-- gazetteer, in a letter a day or a week; the campaign's slug is kept for links and its title read when writing.
alter table follows add column campaign_id uuid;
alter table follows add column campaign_slug text;
alter table follows add column near_city_id bigint;
alter table follows add column near_km integer check (near_km in (10, 25, 50, 100, 250, 500));
alter table follows drop constraint follows_check;
alter table follows add constraint follows_one_target check (num_nonnulls(organization_id, topic, campaign_id) = 1);
alter table follows add constraint follows_campaign_slug check ((campaign_id is null) = (campaign_slug is null));
alter table follows add constraint follows_near check ((near_city_id is null) = (near_km is null));
alter table follows drop constraint follows_frequency_check;
alter table follows add constraint follows_frequency_check check (frequency in ('IMMEDIATE', 'DAILY', 'WEEKLY'));
create index follows_campaign_news on follows (last_digest_at) where status = 'ACTIVE' and campaign_id is not null;
