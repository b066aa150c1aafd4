package org.chorus.statements;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the label of each topic as it was last written. */
@Repository
class Topics {

    private final JdbcClient jdbc;

    Topics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void remember(Map<String, String> labels, Instant now) {
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

    /** Every topic of a public statement, by label. */
    List<Topic> inUse() {
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
