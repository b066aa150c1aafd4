-- The origins (https://partner.example) whose pages may show the sign-on form of an opening in a frame: the embed
-- page's Content-Security-Policy frame-ancestors. None by default: no site may frame it.
alter table signon_openings add column embed_origins text[] not null default '{}';
