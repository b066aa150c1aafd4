-- Line endings as browsers sent them ("\r\n", or a lone "\r") become "\n", as every input is now normalized when it
-- arrives (decision 0019).
update organizations set description = regexp_replace(description, E'\r\n?', E'\n', 'g') where description ~ E'\r';
