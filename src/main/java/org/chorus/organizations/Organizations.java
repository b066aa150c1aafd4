package org.chorus.organizations;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.shared.database.AfterCommit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores organizations in the {@code organizations} table. */
@Repository
class Organizations {

    private static final String COLUMNS =
            "id, slug, name, kind, parent_id, status, country, languages, website, description, created_at";

    /**
     * How long the listed organizations are kept at most: every list and search page offers them as a filter (471 at
     * 100,000 statements, 1–2 ms to read and map), and they change rarely. A write here forgets them at once; the
     * bound covers writes on another node.
     */
    static final Duration LISTED_TTL = Duration.ofSeconds(60);

    private record Listed(List<Organization> organizations, Instant readAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Listed listed;

    Organizations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts the organization; false when another one took its slug meanwhile (nothing is written then). */
    boolean insert(Organization o, UUID createdBy) {
        forgetListed();
        return jdbc.sql("""
                        insert into organizations (id, slug, name, kind, parent_id, status, country, languages, website,
                                                   description, created_at, created_by, decided_at)
                        values (:id, :slug, :name, :kind, :parent, :status, :country, :languages, :website,
                                :description, :created, :createdBy, case when :status = 'ACTIVE' then cast(:created as timestamptz) end)
                        on conflict (slug) do nothing
                        """)
                        .param("id", o.id().value())
                        .param("slug", o.slug())
                        .param("name", o.name())
                        .param("kind", o.kind().name())
                        .param(
                                "parent",
                                o.parentId() == null ? null : o.parentId().value())
                        .param("status", o.status().name())
                        .param("country", o.country())
                        .param("languages", o.languages().toArray(String[]::new))
                        .param("website", o.website())
                        .param("description", o.description())
                        .param("created", Timestamp.from(o.createdAt()))
                        .param("createdBy", createdBy)
                        .update()
                == 1;
    }

    Optional<Organization> bySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from organizations where slug = :slug")
                .param("slug", slug)
                .query(Organizations::map)
                .optional();
    }

    Optional<Organization> byId(OrganizationId id) {
        return jdbc.sql("select " + COLUMNS + " from organizations where id = :id")
                .param("id", id.value())
                .query(Organizations::map)
                .optional();
    }

    List<Organization> byIds(java.util.Collection<OrganizationId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from organizations where id = any(:ids)")
                .param("ids", ids.stream().map(OrganizationId::value).toArray(UUID[]::new))
                .query(Organizations::map)
                .list();
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("select count(*) from organizations where slug = :slug")
                        .param("slug", slug)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    List<Organization> withStatus(OrganizationStatus status) {
        if (status != OrganizationStatus.ACTIVE) {
            return read(status);
        }
        var kept = listed;
        var now = clock.instant();
        if (kept != null && now.isBefore(kept.readAt().plus(LISTED_TTL))) {
            return kept.organizations();
        }
        var organizations = read(status);
        listed = new Listed(organizations, now);
        return organizations;
    }

    private List<Organization> read(OrganizationStatus status) {
        return jdbc.sql("select " + COLUMNS + " from organizations where status = :status order by name")
                .param("status", status.name())
                .query(Organizations::map)
                .list();
    }

    /** Forgets the listed organizations now and when the writing transaction commits (a read between sees the old). */
    private void forgetListed() {
        AfterCommit.nowAndAfterCommit(() -> listed = null);
    }

    List<Organization> children(OrganizationId parent, OrganizationStatus status) {
        return jdbc.sql("select " + COLUMNS
                        + " from organizations where parent_id = :parent and status = :status order by name")
                .param("parent", parent.value())
                .param("status", status.name())
                .query(Organizations::map)
                .list();
    }

    /** The organizations below this one with this status, at any depth (under parents with it too), in one query. */
    List<OrganizationId> descendants(OrganizationId id, OrganizationStatus status) {
        return jdbc.sql("""
                        with recursive down(id, depth) as (
                            select id, 1 from organizations where parent_id = :id and status = :status
                            union all
                            select o.id, down.depth + 1 from organizations o join down on o.parent_id = down.id
                            where o.status = :status and down.depth < 50
                        )
                        select id from down
                        """).param("id", id.value()).param("status", status.name()).query(UUID.class).list().stream()
                .map(OrganizationId::new)
                .toList();
    }

    /** The organization and all its ancestors, nearest first, in one query. */
    List<Organization> ancestry(OrganizationId id) {
        return jdbc.sql("""
                        with recursive up(id, depth) as (
                            select parent_id, 1 from organizations where id = :id and parent_id is not null
                            union all
                            select o.parent_id, up.depth + 1 from organizations o join up on o.id = up.id
                            where o.parent_id is not null and up.depth < 50
                        )
                        select o.id, o.slug, o.name, o.kind, o.parent_id, o.status, o.country, o.languages, o.website,
                               o.description, o.created_at
                        from up join organizations o on o.id = up.id order by up.depth
                        """).param("id", id.value()).query(Organizations::map).list();
    }

    /** The organization's own time zone, if it chose one. */
    Optional<String> timeZone(OrganizationId id) {
        return jdbc.sql("select time_zone from organizations where id = :id and time_zone is not null")
                .param("id", id.value())
                .query(String.class)
                .optional();
    }

    void changeTimeZone(OrganizationId id, String zone) {
        jdbc.sql("update organizations set time_zone = :zone where id = :id")
                .param("id", id.value())
                .param("zone", zone)
                .update();
    }

    void updateProfile(OrganizationId id, OrganizationProfile p) {
        forgetListed();
        jdbc.sql("""
                        update organizations set name = :name, country = :country, languages = :languages,
                               website = :website, description = :description
                        where id = :id
                        """)
                .param("id", id.value())
                .param("name", p.name())
                .param("country", p.country())
                .param("languages", p.languages().toArray(String[]::new))
                .param("website", p.website())
                .param("description", p.description())
                .update();
    }

    boolean decide(OrganizationId id, OrganizationStatus to, Instant at) {
        forgetListed();
        return jdbc.sql("update organizations set status = :to, decided_at = :at where id = :id and status = 'PENDING'")
                        .param("id", id.value())
                        .param("to", to.name())
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    private static Organization map(ResultSet rs, int row) throws SQLException {
        var parent = rs.getObject("parent_id", UUID.class);
        return new Organization(
                new OrganizationId(rs.getObject("id", UUID.class)),
                rs.getString("slug"),
                rs.getString("name"),
                OrganizationKind.valueOf(rs.getString("kind")),
                parent == null ? null : new OrganizationId(parent),
                OrganizationStatus.valueOf(rs.getString("status")),
                rs.getString("country"),
                strings(rs.getArray("languages")),
                rs.getString("website"),
                rs.getString("description"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Whether the organization's owners require two-factor sign-in of everyone with a role in it. */
    boolean twoFactorRequired(OrganizationId id) {
        return jdbc.sql("select two_factor_required from organizations where id = :id")
                .param("id", id.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void requireTwoFactor(OrganizationId id, boolean required) {
        jdbc.sql("update organizations set two_factor_required = :required where id = :id")
                .param("id", id.value())
                .param("required", required)
                .update();
    }
}
