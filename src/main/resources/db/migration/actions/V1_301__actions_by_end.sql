-- the turnout module's job asks hosts for a report once their action is over: approved actions by their end
create index actions_ended on actions (ends_at, id) where status = 'APPROVED' and not cancelled;
