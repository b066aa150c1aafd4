-- What each API token may do (accounts.ApiTokens.SCOPES): "read" (what its account may see beyond the public) and
-- "write:<family>" for each family of resources. Tokens made before scopes existed could only read.
alter table api_tokens add column scopes text[] not null default '{read}';
