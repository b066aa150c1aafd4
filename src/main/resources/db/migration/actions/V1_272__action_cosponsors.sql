-- Organizations of Chorus that co-sponsor an action (issue 15, item 4), in the host's order; shown linked on the
-- action's page. Organizations are referred to by id (no foreign key leaves the module).
create table action_cosponsors (
    action_id       uuid    not null references actions (id) on delete cascade,
    organization_id uuid    not null,
    position        integer not null,
    primary key (action_id, organization_id)
);
