-- Lists, feeds and the API read a page by its cursor (date of issue, moment online, id) in the index of that order
-- (decision 0025); the id ends the key, so every position in a list is one place in the index.
drop index statements_listed;
drop index statements_listed_by_issuer;
create index statements_listed on statements (issued_on, published_at, id) where status = 'PUBLISHED';
create index statements_listed_by_issuer on statements (issuer_id, issued_on, published_at, id)
    where status = 'PUBLISHED';
-- an organization's list is a union of what it issued and what it co-issued
create index statement_cosigners_organization on statement_cosigners (organization_id, statement_id);
-- a list of one topic, and the count of it, without joining a bitmap of every published statement
drop index statements_topics;
create index statements_topics on statements using gin (topics) where status = 'PUBLISHED';
-- a list of one language: its published texts, without reading the texts themselves
create index statement_texts_published_language on statement_texts (language, statement_id)
    where status = 'PUBLISHED';
