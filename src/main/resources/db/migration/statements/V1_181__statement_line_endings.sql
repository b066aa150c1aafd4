-- Line endings as browsers and API clients sent them ("\r\n", or a lone "\r") become "\n", as every input is now
-- normalized when it arrives (decision 0019). The HTML of the texts is rendered again in V1_185.
update statement_texts set body = regexp_replace(body, E'\r\n?', E'\n', 'g') where body ~ E'\r';
update statement_texts set subtitle = regexp_replace(subtitle, E'\r\n?', E'\n', 'g') where subtitle ~ E'\r';
update statement_revisions set body = regexp_replace(body, E'\r\n?', E'\n', 'g') where body ~ E'\r';
update statement_revisions set note = regexp_replace(note, E'\r\n?', E'\n', 'g') where note ~ E'\r';
update statements set introduction = regexp_replace(introduction, E'\r\n?', E'\n', 'g') where introduction ~ E'\r';
update statements set review_comment = regexp_replace(review_comment, E'\r\n?', E'\n', 'g') where review_comment ~ E'\r';
update statements set retraction_note = regexp_replace(retraction_note, E'\r\n?', E'\n', 'g') where retraction_note ~ E'\r';
update statement_signatories set name = regexp_replace(name, E'\r\n?', E'\n', 'g'),
                                 role_title = regexp_replace(role_title, E'\r\n?', E'\n', 'g'),
                                 organization = regexp_replace(organization, E'\r\n?', E'\n', 'g')
 where name ~ E'\r' or role_title ~ E'\r' or organization ~ E'\r';
