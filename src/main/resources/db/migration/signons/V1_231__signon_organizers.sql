-- People an owner of an organization designates as organizers of its statements' sign-ons (issue 14: "owners, editors,
-- and people an owner designates"), as owners designate reviewers (V1_007), without giving them a role. A designation
-- counts only while the person is still a member of the organization (checked where permissions are), so leaving the
-- organization ends it; the row goes with the membership's account when the account is deleted.
create table signon_organizers (
    organization_id uuid        not null,
    account_id      uuid        not null,
    designated_by   uuid        not null,
    designated_at   timestamptz not null,
    primary key (organization_id, account_id)
);
