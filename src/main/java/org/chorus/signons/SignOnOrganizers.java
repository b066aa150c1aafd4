package org.chorus.signons;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code signon_organizers} table: who an owner designated to organize the organization's sign-ons. */
@Repository
class SignOnOrganizers {

    private final JdbcClient jdbc;

    SignOnOrganizers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean designated(OrganizationId organization, AccountId account) {
        return jdbc.sql("select exists (select 1 from signon_organizers"
                        + " where organization_id = :organization and account_id = :account)")
                .param("organization", organization.value())
                .param("account", account.value())
                .query(Boolean.class)
                .single();
    }

    Set<AccountId> of(OrganizationId organization) {
        return jdbc
                .sql("select account_id from signon_organizers where organization_id = :organization")
                .param("organization", organization.value())
                .query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
                .stream()
                .collect(Collectors.toSet());
    }

    /** Designates or withdraws; false when nothing changed. */
    boolean set(OrganizationId organization, AccountId account, boolean organizer, AccountId by, Instant at) {
        var sql = organizer
                ? "insert into signon_organizers (organization_id, account_id, designated_by, designated_at)"
                        + " values (:organization, :account, :by, :at) on conflict do nothing"
                : "delete from signon_organizers where organization_id = :organization and account_id = :account";
        var statement =
                jdbc.sql(sql).param("organization", organization.value()).param("account", account.value());
        if (organizer) {
            statement = statement.param("by", by.value()).param("at", Timestamp.from(at));
        }
        return statement.update() > 0;
    }

    void forget(Collection<AccountId> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        jdbc.sql("delete from signon_organizers where account_id in (:accounts)")
                .param("accounts", accounts.stream().map(AccountId::value).toList())
                .update();
    }
}
