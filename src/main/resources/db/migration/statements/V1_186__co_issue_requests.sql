-- An organization asked to co-issue a statement of another one (decision 0020). A request is answered once:
-- accepted (the organization joins statement_cosigners), declined, or withdrawn by the issuer; a new one may follow.
create table statement_co_issue_requests (
    id              uuid primary key,
    statement_id    uuid not null references statements (id) on delete cascade,
    issuer_id       uuid not null,
    organization_id uuid not null,
    status          text not null check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    requested_by    uuid not null,
    requested_at    timestamptz not null,
    answered_by     uuid,
    answered_at     timestamptz,
    message         text
);
-- no two pending requests to the same organization for the same statement, even when two editors ask at once
create unique index statement_co_issue_requests_pending
    on statement_co_issue_requests (statement_id, organization_id) where status = 'PENDING';
create index statement_co_issue_requests_received on statement_co_issue_requests (organization_id, requested_at desc);
create index statement_co_issue_requests_statement on statement_co_issue_requests (statement_id);
