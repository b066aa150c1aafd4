package org.chorus.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.UUID;
import org.chorus.shared.crypto.PersonalData;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration V1_011, in Java because it needs the data keys: seals the plain addresses of accounts created before
 * addresses were encrypted, in batches, and empties the plain columns. It runs in Flyway's transaction before Chorus
 * serves anything, so no request ever sees an account half converted.
 */
@Component
class SealingAccountEmails implements JavaMigration {

    static final int BATCH = 500;

    private final PersonalData personalData;

    SealingAccountEmails(PersonalData personalData) {
        this.personalData = personalData;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1.011");
    }

    @Override
    public String getDescription() {
        return "seal account emails";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        seal(context.getConnection(), personalData);
    }

    /** Seals every account that still has a plain address; returns how many. */
    static int seal(Connection connection, PersonalData personalData) throws SQLException {
        int total = 0;
        while (true) {
            var ids = new ArrayList<UUID>();
            var emails = new ArrayList<String>();
            try (var select = connection.prepareStatement(
                    "select id, email from accounts where email is not null order by id limit " + BATCH)) {
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                        emails.add(rows.getString(2));
                    }
                }
            }
            if (ids.isEmpty()) {
                return total;
            }
            try (var update = connection.prepareStatement("""
                    update accounts set email_sealed = ?, email_index = ?, email = null, email_key = null
                    where id = ?""")) {
                for (int i = 0; i < ids.size(); i++) {
                    var email = emails.get(i).strip();
                    update.setBytes(1, personalData.seal(email, Accounts.EMAIL_COLUMN));
                    update.setBytes(2, personalData.emailIndex(email));
                    update.setObject(3, ids.get(i));
                    update.addBatch();
                }
                update.executeBatch();
            }
            total += ids.size();
        }
    }
}
