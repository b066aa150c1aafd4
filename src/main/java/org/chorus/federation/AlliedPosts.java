package org.chorus.federation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.chorus.federation.activitystreams.Activities;
import org.chorus.federation.activitystreams.RemoteActor;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.markdown.Markdown;
import org.chorus.shared.web.CursorTokens;
import org.chorus.statements.StatementId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What actors followed from here publish publicly ({@code federation_allied_posts}): articles (another Chorus's
 * statements), posts and events (Mobilizon's, Gancio's, another Chorus's actions), kept while an organization here
 * follows their author. Their author's Update changes them and its Delete removes them. Replies, posts not addressed to
 * the public, and posts of actors no one here follows are not kept. The content is kept sanitized ({@link Markdown}'s
 * policy) and the feed shows it as text, so no remote image is ever loaded.
 */
@Component
class AlliedPosts {

    static final Set<String> KEPT = Set.of("Article", "Note", "Page", "Event");
    static final int PAGE = 30;
    static final int EXCERPT = 600;
    private static final byte CURSOR_VERSION = 1;

    private final JdbcClient jdbc;
    private final RemoteFollows following;
    private final Clock clock;

    AlliedPosts(JdbcClient jdbc, RemoteFollows following, Clock clock) {
        this.jdbc = jdbc;
        this.following = following;
        this.clock = clock;
    }

    /** A Create: its object is kept when its author is followed from here and it is a public post that replies to nothing. */
    void created(RemoteActor actor, JsonNode create) {
        read(actor, create).ifPresent(this::keep);
    }

    /** An Update by its author: the post kept changes (or is kept now, if followed and missed before). */
    void updated(RemoteActor actor, JsonNode update) {
        read(actor, update).ifPresent(this::keep);
    }

    /** A Delete by its author: the post is no longer kept. */
    void deleted(RemoteActor actor, String objectId) {
        jdbc.sql("delete from federation_allied_posts where object_id = :id and actor_id = :actor")
                .param("id", objectId)
                .param("actor", actor.id())
                .update();
    }

    /** Forgets the posts of an actor no organization here follows any longer (unfollowed, or deleted). */
    void forgetUnfollowed(String actorId) {
        jdbc.sql("""
                        delete from federation_allied_posts p where p.actor_id = :a
                           and not exists (select 1 from federation_following f where f.actor_id = p.actor_id)""").param("a", actorId).update();
    }

    private Optional<FollowingElsewhere.Post> read(RemoteActor actor, JsonNode activity) {
        var object = Activities.object(activity).orElse(null);
        if (object == null || Activities.types(object).stream().noneMatch(KEPT::contains)) {
            return Optional.empty();
        }
        var id = Activities.id(object).orElse(null);
        var attributed = Activities.ids(object.get("attributedTo"));
        if (id == null
                || !Activities.sameOrigin(id, actor.id())
                || !(attributed.isEmpty() || attributed.contains(actor.id()))
                || Activities.id(object.get("inReplyTo")).isPresent()
                || !Activities.isPublic(activity)
                || !following.followedByAnyone(actor.id())) {
            return Optional.empty();
        }
        var type = Activities.types(object).stream()
                .filter(KEPT::contains)
                .findFirst()
                .orElseThrow();
        var content = text(object, "content");
        var language = language(object, content);
        var url = Activities.ids(object.get("url")).stream()
                .filter(u -> u.startsWith("https://") || u.startsWith("http://"))
                .findFirst()
                .orElse(id);
        var now = clock.instant();
        var status = text(object, "ical:status");
        return Optional.of(new FollowingElsewhere.Post(
                id,
                actor.id(),
                null,
                null,
                type,
                text(object, "name"),
                text(object, "summary"),
                Markdown.sanitize(content == null ? "" : content).html(),
                language,
                url,
                instant(object.get("published")).orElse(now),
                instant(object.get("updated")).orElse(null),
                type.equals("Event") ? instant(object.get("startTime")).orElse(null) : null,
                type.equals("Event") ? instant(object.get("endTime")).orElse(null) : null,
                place(object.get("location")),
                "CANCELLED".equalsIgnoreCase(status),
                0));
    }

    private void keep(FollowingElsewhere.Post post) {
        jdbc.sql("""
                        insert into federation_allied_posts
                            (object_id, actor_id, type, name, summary, content_html, language, url, published_at,
                             updated_at, start_time, end_time, place, cancelled, received_at)
                        values (:id, :actor, :type, :name, :summary, :content, :language, :url, :published,
                                :updated, :start, :end, :place, :cancelled, :now)
                        on conflict (object_id) do update set
                            type = excluded.type, name = excluded.name, summary = excluded.summary,
                            content_html = excluded.content_html, language = excluded.language, url = excluded.url,
                            updated_at = excluded.updated_at, start_time = excluded.start_time,
                            end_time = excluded.end_time, place = excluded.place, cancelled = excluded.cancelled
                         where federation_allied_posts.actor_id = excluded.actor_id""")
                .param("id", post.objectId())
                .param("actor", post.actorId())
                .param("type", post.type())
                .param("name", post.name())
                .param("summary", post.summary())
                .param("content", post.contentHtml())
                .param("language", post.language())
                .param("url", post.url())
                .param("published", Timestamp.from(post.published()))
                .param("updated", post.updated() == null ? null : Timestamp.from(post.updated()))
                .param("start", post.start() == null ? null : Timestamp.from(post.start()))
                .param("end", post.end() == null ? null : Timestamp.from(post.end()))
                .param("place", post.place())
                .param("cancelled", post.cancelled())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The posts the organization republished as statements of its own (their object ids). */
    Set<String> republishedBy(OrganizationId organization) {
        return Set.copyOf(jdbc.sql("select object_id from federation_allied_republications where organization_id = :o")
                .param("o", organization.value())
                .query(String.class)
                .list());
    }

    /** The statement the organization made of a post, if it republished it (the statement may be gone since). */
    Optional<StatementId> republication(OrganizationId organization, String objectId) {
        return jdbc.sql("""
                        select statement_id from federation_allied_republications
                         where organization_id = :o and object_id = :id""")
                .param("o", organization.value())
                .param("id", objectId)
                .query((rs, n) -> new StatementId((UUID) rs.getObject(1)))
                .optional();
    }

    /** Records the statement the organization made of a post, in place of one made before. */
    void republished(OrganizationId organization, String objectId, StatementId statement) {
        jdbc.sql("""
                        insert into federation_allied_republications (organization_id, object_id, statement_id, republished_at)
                        values (:o, :id, :s, :now)
                        on conflict (organization_id, object_id) do update
                            set statement_id = excluded.statement_id, republished_at = excluded.republished_at""")
                .param("o", organization.value())
                .param("id", objectId)
                .param("s", statement.value())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** A post kept, whoever's feed it is in. */
    Optional<FollowingElsewhere.Post> byId(String objectId) {
        return jdbc.sql(SELECT + " where p.object_id = :id")
                .param("id", objectId)
                .query((rs, n) -> post(rs))
                .optional();
    }

    private static final String SELECT = """
            select p.*, a.preferred_username, a.name as author
              from federation_allied_posts p left join federation_remote_actors a on a.id = p.actor_id""";

    /** The posts of the actors the organization follows, newest first, a page at a time from {@code cursor}. */
    FollowingElsewhere.Page feed(OrganizationId organization, String cursor) {
        var after = CursorTokens.read(cursor, CURSOR_VERSION, 16, "federation.allied.cursor-invalid", b ->
                new long[] {b.getLong(), b.getLong()});
        var sql = SELECT + """
                 where p.actor_id in (select f.actor_id from federation_following f
                                       where f.organization_id = :o and f.state = 'accepted')
                """ + (after == null ? "" : " and (p.published_at, p.seq) < (:at, :seq)") + """
                 order by p.published_at desc, p.seq desc
                 limit :limit""";
        var query = jdbc.sql(sql).param("o", organization.value()).param("limit", PAGE + 1);
        if (after != null) {
            query = query.param(
                            "at", Timestamp.from(Instant.EPOCH.plus(after[0], java.time.temporal.ChronoUnit.MICROS)))
                    .param("seq", after[1]);
        }
        var posts = new ArrayList<>(query.query((rs, n) -> post(rs)).list());
        String next = null;
        if (posts.size() > PAGE) {
            posts.remove(PAGE);
            var last = posts.get(PAGE - 1);
            next = CursorTokens.write(
                    CURSOR_VERSION, 16, b -> b.putLong(micros(last.published())).putLong(last.seq()));
        }
        return new FollowingElsewhere.Page(List.copyOf(posts), next);
    }

    private static long micros(Instant instant) {
        return java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static FollowingElsewhere.Post post(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FollowingElsewhere.Post(
                rs.getString("object_id"),
                rs.getString("actor_id"),
                ManagingFederation.handle(rs.getString("actor_id"), rs.getString("preferred_username")),
                rs.getString("author"),
                rs.getString("type"),
                rs.getString("name"),
                rs.getString("summary"),
                rs.getString("content_html"),
                rs.getString("language"),
                rs.getString("url"),
                rs.getTimestamp("published_at").toInstant(),
                instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("start_time")),
                instant(rs.getTimestamp("end_time")),
                rs.getString("place"),
                rs.getBoolean("cancelled"),
                rs.getLong("seq"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String text(JsonNode object, String field) {
        var value = object.get(field);
        if (value != null && value.isString()) {
            return value.asString().isBlank() ? null : value.asString();
        }
        // contentMap, nameMap, summaryMap: the first language's
        var map = object.get(field + "Map");
        if (map != null && map.isObject()) {
            for (var entry : map.properties()) {
                if (entry.getValue().isString()) {
                    return entry.getValue().asString();
                }
            }
        }
        return null;
    }

    /** The language of the content: the key of contentMap whose text it is (or the first key); null when unsaid. */
    private static String language(JsonNode object, String content) {
        var map = object.get("contentMap");
        if (map == null || !map.isObject()) {
            return null;
        }
        String first = null;
        for (var entry : map.properties()) {
            var key = entry.getKey().toLowerCase(java.util.Locale.ROOT);
            var language = key.length() > 3 && key.charAt(2) == '-' ? key.substring(0, 2) : key;
            if (!language.matches("[a-z]{2,3}")) {
                continue;
            }
            if (entry.getValue().isString() && entry.getValue().asString().equals(content)) {
                return language;
            }
            first = first == null ? language : first;
        }
        return first;
    }

    private static Optional<Instant> instant(JsonNode value) {
        if (value == null || !value.isString()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.asString()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Where an event is: the place's name, street, city and country as its server gave them, or null. */
    private static String place(JsonNode location) {
        if (location == null || !location.isObject()) {
            return null;
        }
        var parts = new ArrayList<String>();
        add(parts, location.get("name"));
        var address = location.get("address");
        if (address != null && address.isString()) {
            add(parts, address);
        } else if (address != null && address.isObject()) {
            for (var field : List.of("streetAddress", "addressLocality", "addressCountry")) {
                add(parts, address.get(field));
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static void add(List<String> parts, JsonNode value) {
        if (value != null
                && value.isString()
                && !value.asString().isBlank()
                && !parts.contains(value.asString().strip())) {
            parts.add(value.asString().strip());
        }
    }
}
