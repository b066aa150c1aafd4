-- Line endings as browsers sent them ("\r\n", or a lone "\r") become "\n", as every input is now normalized when it
-- arrives (decision 0019).
update comments set body = regexp_replace(body, E'\r\n?', E'\n', 'g') where body ~ E'\r';
update comment_reports set reason = regexp_replace(reason, E'\r\n?', E'\n', 'g') where reason ~ E'\r';
