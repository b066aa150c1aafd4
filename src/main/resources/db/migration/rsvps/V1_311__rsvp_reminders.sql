-- The next reminder of an RSVP that is going (the day before at 11:00, then 2 hours before, both in the action's time
-- zone); null once none is left. The job send-rsvp-reminders sends what is due and moves it on in the same
-- transaction (decision 0037, "Reminders and changes").
alter table rsvps add column remind_at timestamptz;

create index rsvps_to_remind on rsvps (remind_at) where status = 'GOING' and remind_at is not null;

-- RSVPs going to actions still ahead: their next reminder, as RemindingRsvps.next computes it
update rsvps r
   set remind_at = case
           when ((a.starts_local::date - 1) + time '11:00') at time zone a.time_zone > now()
               then ((a.starts_local::date - 1) + time '11:00') at time zone a.time_zone
           when a.starts_at - interval '2 hours' > now() then a.starts_at - interval '2 hours'
       end
  from actions a
 where a.id = r.action_id and r.status = 'GOING' and not a.cancelled and a.starts_at > now();
