package org.chorus.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.chorus.organizations.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Remembers which items of which site were imported into which organization. */
@Repository
class ImportedItems {

    private final JdbcClient jdbc;

    ImportedItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> importedIds(OrganizationId organization, String site) {
        return new HashSet<>(
                jdbc.sql("select source_id from imported_items where organization_id = :org and source_site = :site")
                        .param("org", organization.value())
                        .param("site", site)
                        .query(String.class)
                        .list());
    }

    void remember(OrganizationId organization, String site, String sourceId, UUID statement, Instant at) {
        jdbc.sql("""
                        insert into imported_items (organization_id, source_site, source_id, statement_id, imported_at)
                        values (:org, :site, :source, :statement, :at)
                        """)
                .param("org", organization.value())
                .param("site", site)
                .param("source", sourceId)
                .param("statement", statement)
                .param("at", Timestamp.from(at))
                .update();
    }
}
