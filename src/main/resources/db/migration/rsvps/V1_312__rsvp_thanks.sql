-- The thank-you a campaign's organizers write for the people who went to its actions: the campaign's next step, and a
-- link to it. Sent by the job thank-rsvps to the RSVPs going to each action once it has ended (decision 0037).
create table rsvp_thanks (
    campaign_id uuid primary key,
    -- the organizers' words, as typed (plain text)
    text text not null,
    -- an https address for the next step, or null (the letter then links to the campaign's page)
    link text,
    updated_at timestamptz not null
);

-- the actions whose attendees were thanked (or had no one to thank): each at most once
create table rsvp_thanked (
    action_id uuid primary key,
    thanked_at timestamptz not null
);
