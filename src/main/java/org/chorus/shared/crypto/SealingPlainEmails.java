package org.chorus.shared.crypto;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration, in Java because it needs the data keys, that seals the plain email addresses of one table in
 * batches and empties the plain columns. It runs in Flyway's transaction before Chorus serves anything, so no request
 * ever sees a table half converted. Each module declares its own as a bean.
 *
 * @param version the migration version, e.g. {@code 1.011}
 * @param description what Flyway records about it
 * @param table the table
 * @param key the column identifying a row
 * @param plain the column holding the plain address
 * @param emptied the columns to set to null once sealed (the plain one and what derives from it)
 * @param column the name the sealed value is bound to ({@link PersonalData#seal})
 */
public record SealingPlainEmails(
        PersonalData personalData,
        String version,
        String description,
        String table,
        String key,
        String plain,
        java.util.List<String> emptied,
        String column)
        implements JavaMigration {

    static final int BATCH = 500;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public String getDescription() {
        return description;
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
        seal(context.getConnection());
    }

    /** Seals every row that still has a plain address; returns how many. */
    public int seal(Connection connection) throws SQLException {
        var empty = String.join(", ", emptied.stream().map(c -> c + " = null").toList());
        int total = 0;
        while (true) {
            var keys = new ArrayList<Object>();
            var emails = new ArrayList<String>();
            try (var select = connection.prepareStatement("select " + key + ", " + plain + " from " + table + " where "
                    + plain + " is not null order by " + key + " limit " + BATCH)) {
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        keys.add(rows.getObject(1));
                        emails.add(rows.getString(2));
                    }
                }
            }
            if (keys.isEmpty()) {
                return total;
            }
            try (var update = connection.prepareStatement("update " + table + " set email_sealed = ?, email_index = ?, "
                    + empty + " where " + key + " = ?")) {
                for (int i = 0; i < keys.size(); i++) {
                    var email = emails.get(i).strip();
                    update.setBytes(1, personalData.seal(email, column));
                    update.setBytes(2, personalData.emailIndex(email));
                    update.setObject(3, keys.get(i));
                    update.addBatch();
                }
                update.executeBatch();
            }
            total += keys.size();
        }
    }
}
