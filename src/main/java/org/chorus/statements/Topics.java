package org.chorus.statements;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.chorus.shared.database.AfterCommit;
import org.chorus.shared.web.PublicPagesChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the label of each topic as it was last written. */
@Repository
class Topics {

    /** How long the topics in use are kept at most, as the page cache keeps pages (several nodes, one database). */
    static final Duration IN_USE_TTL = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile InUse inUse;

    private record InUse(List<Topic> topics, Instant readAt) {}

    Topics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void remember(Map<String, String> labels, Instant now) {
        if (!labels.isEmpty()) {
            forgetInUseAfterCommit();
        }
        labels.forEach((slug, label) -> jdbc.sql("""
                        insert into statement_topics (slug, label, updated_at) values (:slug, :label, :now)
                        on conflict (slug) do update set label = excluded.label, updated_at = excluded.updated_at
                        where statement_topics.label <> excluded.label
                        """)
                .param("slug", slug)
                .param("label", label)
                .param("now", Timestamp.from(now))
                .update());
    }

    /** The topics of these slugs, in the same order; one query. */
    List<Topic> of(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        var labels = jdbc
                .sql("select slug, label from statement_topics where slug = any (:slugs)")
                .param("slugs", slugs.toArray(String[]::new))
                .query((rs, n) -> new Topic(rs.getString("slug"), rs.getString("label")))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Topic::slug, Topic::label));
        return slugs.stream()
                .map(slug -> labels.containsKey(slug) ? new Topic(slug, labels.get(slug)) : Topic.unlabelled(slug))
                .toList();
    }

    /**
     * Every topic of a public statement, by label: the choices of the list's topic filter. Kept until a public page
     * changes (a statement published, corrected or retracted) or {@link #IN_USE_TTL}: finding that no public statement
     * has a topic reads them all, about 50 ms at 100,000 statements, on every list page.
     */
    List<Topic> inUse() {
        var kept = inUse;
        var now = clock.instant();
        if (kept != null && now.isBefore(kept.readAt().plus(IN_USE_TTL))) {
            return kept.topics();
        }
        var topics = readInUse();
        inUse = new InUse(topics, now);
        return topics;
    }

    @EventListener
    void onChange(PublicPagesChanged event) {
        forgetInUseAfterCommit();
    }

    private void forgetInUseAfterCommit() {
        AfterCommit.nowAndAfterCommit(() -> inUse = null);
    }

    private List<Topic> readInUse() {
        return jdbc.sql("""
                        select t.slug, t.label from statement_topics t
                        where exists (select 1 from statements s
                                      where s.status in ('PUBLISHED', 'RETRACTED') and t.slug = any (s.topics))
                        order by lower(t.label)
                        """)
                .query((rs, n) -> new Topic(rs.getString("slug"), rs.getString("label")))
                .list();
    }
}
