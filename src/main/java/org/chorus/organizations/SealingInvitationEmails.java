package org.chorus.organizations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import org.chorus.shared.crypto.PersonalData;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration V1_013, in Java because it needs the data keys: seals the plain addresses of invitations made before
 * addresses were encrypted, in batches, and empties the plain column, in Flyway's transaction before Chorus starts.
 */
@Component
class SealingInvitationEmails implements JavaMigration {

    static final int BATCH = 500;

    private final PersonalData personalData;

    SealingInvitationEmails(PersonalData personalData) {
        this.personalData = personalData;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1.013");
    }

    @Override
    public String getDescription() {
        return "seal invitation emails";
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

    /** Seals every invitation that still has a plain address; returns how many. */
    static int seal(Connection connection, PersonalData personalData) throws SQLException {
        int total = 0;
        while (true) {
            var hashes = new ArrayList<String>();
            var emails = new ArrayList<String>();
            try (var select = connection.prepareStatement(
                    "select token_hash, email_key from invitations where email_key is not null order by token_hash limit "
                            + BATCH)) {
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        hashes.add(rows.getString(1));
                        emails.add(rows.getString(2));
                    }
                }
            }
            if (hashes.isEmpty()) {
                return total;
            }
            try (var update = connection.prepareStatement(
                    "update invitations set email_sealed = ?, email_index = ?, email_key = null where token_hash = ?")) {
                for (int i = 0; i < hashes.size(); i++) {
                    var email = emails.get(i).strip();
                    update.setBytes(1, personalData.seal(email, Invitations.EMAIL_COLUMN));
                    update.setBytes(2, personalData.emailIndex(email));
                    update.setString(3, hashes.get(i));
                    update.addBatch();
                }
                update.executeBatch();
            }
            total += hashes.size();
        }
    }
}
