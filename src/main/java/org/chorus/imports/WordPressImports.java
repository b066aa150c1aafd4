package org.chorus.imports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The uploads of WordPress exports, their progress and, once done, their reports. */
@Repository
class WordPressImports {

    /**
     * An import that has not moved for this long was cut short (its node stopped): its transaction rolled back, so
     * nothing of it was kept, and its page says so. Progress is written at least every {@code PROGRESS_EVERY} items,
     * each of which takes milliseconds.
     */
    static final Duration STALLED = Duration.ofMinutes(10);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    WordPressImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void start(UUID id, OrganizationId organization, AccountId by, int total, Instant now) {
        jdbc.sql("""
                        insert into wordpress_imports (id, organization_id, started_by, status, total, started_at, updated_at)
                        values (:id, :org, :by, 'RUNNING', :total, :now, :now)""")
                .param("id", id)
                .param("org", organization.value())
                .param("by", by.value())
                .param("total", total)
                .param("now", Timestamp.from(now))
                .update();
    }

    void progress(UUID id, int done, Instant now) {
        jdbc.sql("update wordpress_imports set done = :done, updated_at = :now where id = :id and status = 'RUNNING'")
                .param("id", id)
                .param("done", done)
                .param("now", Timestamp.from(now))
                .update();
    }

    void finish(UUID id, ImportReport report, Instant now) {
        jdbc.sql("""
                        update wordpress_imports set status = 'DONE', done = total, report = :report, updated_at = :now
                        where id = :id""")
                .param("id", id)
                .param("report", JSON.writeValueAsString(report))
                .param("now", Timestamp.from(now))
                .update();
    }

    void fail(UUID id, String reason, Instant now) {
        jdbc.sql("""
                        update wordpress_imports set status = 'FAILED', failure = :reason, updated_at = :now
                        where id = :id and status = 'RUNNING'""")
                .param("id", id)
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<ImportProgress> find(UUID id, OrganizationId organization, Instant now) {
        return jdbc.sql("""
                        select id, status, done, total, report, failure, updated_at from wordpress_imports
                        where id = :id and organization_id = :org""")
                .param("id", id)
                .param("org", organization.value())
                .query((rs, row) -> {
                    var status = ImportProgress.Status.valueOf(rs.getString("status"));
                    var failure = rs.getString("failure");
                    if (status == ImportProgress.Status.RUNNING
                            && rs.getTimestamp("updated_at")
                                    .toInstant()
                                    .plus(STALLED)
                                    .isBefore(now)) {
                        status = ImportProgress.Status.FAILED;
                        failure = "import.interrupted";
                    }
                    var report = rs.getString("report");
                    return new ImportProgress(
                            rs.getObject("id", UUID.class),
                            status,
                            rs.getInt("done"),
                            rs.getInt("total"),
                            report == null ? null : JSON.readValue(report, ImportReport.class),
                            failure);
                })
                .optional();
    }
}
