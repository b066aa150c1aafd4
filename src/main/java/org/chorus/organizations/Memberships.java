package org.chorus.organizations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.chorus.accounts.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores who has which role where, in {@code memberships}. */
@Repository
class Memberships {

    private final JdbcClient jdbc;

    Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the person with the role, or changes their role if they are already in. */
    void put(OrganizationId organization, AccountId account, Role role, Instant at) {
        jdbc.sql("""
                        insert into memberships (organization_id, account_id, role, created_at)
                        values (:org, :account, :role, :at)
                        on conflict (organization_id, account_id) do update set role = excluded.role
                        """)
                .param("org", organization.value())
                .param("account", account.value())
                .param("role", role.name())
                .param("at", Timestamp.from(at))
                .update();
    }

    boolean setReviewer(OrganizationId organization, AccountId account, boolean reviewer) {
        return jdbc.sql(
                                "update memberships set reviewer = :reviewer where organization_id = :org and account_id = :account")
                        .param("org", organization.value())
                        .param("account", account.value())
                        .param("reviewer", reviewer)
                        .update()
                == 1;
    }

    boolean isReviewer(OrganizationId organization, AccountId account) {
        return jdbc.sql("select reviewer from memberships where organization_id = :org and account_id = :account")
                .param("org", organization.value())
                .param("account", account.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** The designated reviewers of the organization. */
    java.util.Set<AccountId> reviewers(OrganizationId organization) {
        return new java.util.HashSet<>(jdbc
                .sql("select account_id from memberships where organization_id = :org and reviewer")
                .param("org", organization.value())
                .query(UUID.class)
                .list()
                .stream()
                .map(AccountId::new)
                .toList());
    }

    /** The people of the organization with one of these roles, or designated reviewers when asked, in one query. */
    List<AccountId> withRoles(OrganizationId organization, java.util.Set<Role> roles, boolean reviewers) {
        return jdbc
                .sql("""
                        select account_id from memberships
                        where organization_id = :org and (role = any(:roles) or (:reviewers and reviewer))
                        order by created_at, account_id
                        """)
                .param("org", organization.value())
                .param("roles", roles.stream().map(Role::name).toArray(String[]::new))
                .param("reviewers", reviewers)
                .query(UUID.class)
                .list()
                .stream()
                .map(AccountId::new)
                .toList();
    }

    boolean remove(OrganizationId organization, AccountId account) {
        return jdbc.sql("delete from memberships where organization_id = :org and account_id = :account")
                        .param("org", organization.value())
                        .param("account", account.value())
                        .update()
                == 1;
    }

    Optional<Role> roleOf(OrganizationId organization, AccountId account) {
        return jdbc.sql("select role from memberships where organization_id = :org and account_id = :account")
                .param("org", organization.value())
                .param("account", account.value())
                .query(String.class)
                .optional()
                .map(Role::valueOf);
    }

    /** Everyone in the organization with their role, in the order they joined. */
    Map<AccountId, Role> of(OrganizationId organization) {
        return jdbc
                .sql(
                        "select account_id, role from memberships where organization_id = :org order by created_at, account_id")
                .param("org", organization.value())
                .query((rs, i) -> Map.entry(new AccountId(rs.getObject(1, UUID.class)), Role.valueOf(rs.getString(2))))
                .list()
                .stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The organizations the person belongs to, with their role in each. */
    Map<OrganizationId, Role> rolesOf(AccountId account) {
        return jdbc
                .sql("select organization_id, role from memberships where account_id = :account")
                .param("account", account.value())
                .query((rs, i) ->
                        Map.entry(new OrganizationId(rs.getObject(1, UUID.class)), Role.valueOf(rs.getString(2))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    int countOwners(OrganizationId organization) {
        return jdbc.sql("select count(*) from memberships where organization_id = :org and role = 'OWNER'")
                .param("org", organization.value())
                .query(Integer.class)
                .single();
    }

    /** Locks the organization's memberships so that two owners cannot demote each other at once. */
    void lock(OrganizationId organization) {
        jdbc.sql("select 1 from organizations where id = :org for update")
                .param("org", organization.value())
                .query(Integer.class)
                .optional();
    }

    List<AccountId> owners(OrganizationId organization) {
        return jdbc
                .sql("select account_id from memberships where organization_id = :org and role = 'OWNER'")
                .param("org", organization.value())
                .query(UUID.class)
                .list()
                .stream()
                .map(AccountId::new)
                .toList();
    }
}
