package org.chorus.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.shared.crypto.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores accounts in the {@code accounts} table. Addresses are sealed ({@link PersonalData#seal}) and found by their
 * blind index ({@link PersonalData#emailIndex}); no query reads, filters or sorts a plain address.
 */
@Repository
class Accounts {

    /** The associated data that binds a sealed address to this column. */
    static final String EMAIL_COLUMN = "accounts.email";

    private static final String COLUMNS =
            "id, email_sealed, display_name, password_hash, status, site_admin, language, created_at";

    private final JdbcClient jdbc;
    private final PersonalData personalData;

    Accounts(JdbcClient jdbc, PersonalData personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    void insert(Account account) {
        jdbc.sql("""
                        insert into accounts (id, email_sealed, email_index, display_name, password_hash, status, site_admin,
                                              language, created_at, activated_at)
                        values (:id, :email, :key, :name, :hash, :status, :admin, :language, :created,
                                case when :status = 'ACTIVE' then cast(:created as timestamptz) end)
                        """)
                .param("id", account.id().value())
                .param("email", personalData.seal(account.email().strip(), EMAIL_COLUMN))
                .param("key", personalData.emailIndex(account.email()))
                .param("name", account.displayName())
                .param("hash", account.passwordHash())
                .param("status", account.status().name())
                .param("admin", account.siteAdmin())
                .param("language", account.language())
                .param("created", Timestamp.from(account.createdAt()))
                .update();
    }

    Optional<Account> byId(AccountId id) {
        return jdbc.sql("select " + COLUMNS + " from accounts where id = :id")
                .param("id", id.value())
                .query(this::map)
                .optional();
    }

    Optional<Account> byEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from accounts where email_index = :key")
                .param("key", personalData.emailIndex(email))
                .query(this::map)
                .optional();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from accounts where email_index = :key")
                        .param("key", personalData.emailIndex(email))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    List<Account> byIds(Collection<AccountId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from accounts where id = any(:ids)")
                .param("ids", ids.stream().map(AccountId::value).toArray(UUID[]::new))
                .query(this::map)
                .list();
    }

    List<Account> withStatus(AccountStatus status, int limit) {
        return jdbc.sql("select " + COLUMNS + " from accounts where status = :status order by created_at limit :limit")
                .param("status", status.name())
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    boolean changeStatus(AccountId id, AccountStatus from, AccountStatus to, Instant at) {
        return jdbc.sql("""
                        update accounts set status = :to,
                               activated_at = case when :to = 'ACTIVE' then cast(:at as timestamptz) else activated_at end
                        where id = :id and status = :from
                        """)
                        .param("id", id.value())
                        .param("from", from.name())
                        .param("to", to.name())
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    void updateProfile(AccountId id, String displayName, String language) {
        jdbc.sql("update accounts set display_name = :name, language = :language where id = :id")
                .param("id", id.value())
                .param("name", displayName)
                .param("language", language)
                .update();
    }

    void updatePassword(AccountId id, String passwordHash) {
        jdbc.sql("update accounts set password_hash = :hash where id = :id")
                .param("id", id.value())
                .param("hash", passwordHash)
                .update();
    }

    void updateSiteAdmin(AccountId id, boolean admin) {
        jdbc.sql("update accounts set site_admin = :admin where id = :id")
                .param("id", id.value())
                .param("admin", admin)
                .update();
    }

    /** Gives the account a new address; throws DuplicateKeyException when another account has it. */
    void updateEmail(AccountId id, String email) {
        jdbc.sql("update accounts set email_sealed = :email, email_index = :key where id = :id")
                .param("id", id.value())
                .param("email", personalData.seal(email.strip(), EMAIL_COLUMN))
                .param("key", personalData.emailIndex(email))
                .update();
    }

    private Account map(ResultSet rs, int row) throws SQLException {
        return new Account(
                new AccountId(rs.getObject("id", UUID.class)),
                personalData.open(rs.getBytes("email_sealed"), EMAIL_COLUMN),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                AccountStatus.valueOf(rs.getString("status")),
                rs.getBoolean("site_admin"),
                rs.getString("language"),
                rs.getTimestamp("created_at").toInstant());
    }
}
