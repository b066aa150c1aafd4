package org.chorus.statements;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.UUID;
import org.chorus.shared.markdown.Markdown;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migration V1_185, in Java because Markdown is rendered in Java: renders the stored HTML of every statement text
 * (originals and translations) again from its Markdown, so texts written before a single line break became a line
 * break (decision 0019) show their slogans and signature blocks on separate lines too. Revisions keep only Markdown,
 * so they need nothing. It runs in Flyway's transaction before Chorus serves anything, in batches.
 */
@Configuration
class RenderingTextsAgain {

    static final int BATCH = 500;

    @Bean
    JavaMigration statementTextsRenderedAgain() {
        return new Migration();
    }

    /** Renders every text again; returns how many rows it wrote. */
    static int render(Connection connection) throws SQLException {
        int total = 0;
        UUID afterStatement = new UUID(0, 0);
        String afterLanguage = "";
        while (true) {
            var ids = new ArrayList<UUID>();
            var languages = new ArrayList<String>();
            var bodies = new ArrayList<String>();
            try (var select = connection.prepareStatement("""
                    select statement_id, language, body from statement_texts
                     where (statement_id, language) > (?, ?)
                     order by statement_id, language limit ?""")) {
                select.setObject(1, afterStatement);
                select.setString(2, afterLanguage);
                select.setInt(3, BATCH);
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                        languages.add(rows.getString(2));
                        bodies.add(rows.getString(3));
                    }
                }
            }
            if (ids.isEmpty()) {
                return total;
            }
            try (var update = connection.prepareStatement(
                    "update statement_texts set body_html = ? where statement_id = ? and language = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    update.setString(1, Markdown.render(bodies.get(i)).html());
                    update.setObject(2, ids.get(i));
                    update.setString(3, languages.get(i));
                    update.addBatch();
                }
                update.executeBatch();
            }
            total += ids.size();
            afterStatement = ids.getLast();
            afterLanguage = languages.getLast();
        }
    }

    static final class Migration implements JavaMigration {

        @Override
        public MigrationVersion getVersion() {
            return MigrationVersion.fromVersion("1.185");
        }

        @Override
        public String getDescription() {
            return "render statement texts with line breaks";
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
            render(context.getConnection());
        }
    }
}
