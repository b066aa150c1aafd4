-- Up to five questions the organizers ask signers ([{"label": "Sector", "choices": ["Health", "Labour"]}, …]; free
-- text when a question has no choices). The answers are kept sealed with the rest of what a signer gives
-- (signons.personal), so retention deletes them too.
alter table signon_openings add column questions jsonb not null default '[]';
