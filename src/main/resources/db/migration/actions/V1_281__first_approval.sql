-- When an action was first approved: people who follow a campaign hear of its new actions once, in the order the
-- public first saw them, not again when an edit was reviewed. Those approved before this keep their last change as
-- the best known moment.
alter table actions add column approved_at timestamptz;
update actions set approved_at = updated_at where status = 'APPROVED';
create index actions_first_approved on actions (campaign_id, approved_at)
    where status = 'APPROVED' and not cancelled;
