package org.chorus.follows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.chorus.organizations.OrganizationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code followers} (addresses, sealed) and {@code follows} (their subscriptions) tables. */
@Repository
class Follows {

    /** Rows fetched per round trip when streaming recipients. */
    static final int FETCH_SIZE = 2_000;

    private static final String COLUMNS = """
            f.id, f.follower_id, f.organization_id, f.topic, f.include_children, f.frequency, f.language, f.status,
            f.token_hash, f.requested_at, f.last_digest_at, f.campaign_id, f.campaign_slug, f.near_city_id, f.near_km
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Follows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A follow as stored (the address is in {@code followers}). */
    record Row(
            UUID id,
            UUID follower,
            FollowTarget target,
            boolean includeChildren,
            Frequency frequency,
            String language,
            FollowStatus status,
            String tokenHash,
            Instant requestedAt,
            Instant lastDigestAt) {}

    /** An active follow with its follower's sealed address, for sending. */
    record Recipient(
            UUID follower,
            UUID follow,
            String tokenHash,
            String language,
            byte[] sealedEmail,
            byte[] emailIndex,
            FollowTarget target,
            boolean includeChildren,
            Instant lastDigestAt) {}

    /** The follower with this address, created if needed (two requests at once find the same row). */
    UUID follower(byte[] sealedEmail, byte[] emailIndex, Instant now) {
        return jdbc.sql("""
                        insert into followers (id, email, email_index, created_at) values (:id, :email, :index, :now)
                        on conflict (email_index) do update set email_index = excluded.email_index
                        returning id""")
                .param("id", UUID.randomUUID())
                .param("email", sealedEmail)
                .param("index", emailIndex)
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .single();
    }

    Optional<Row> of(UUID follower, FollowTarget target) {
        return jdbc.sql("select " + COLUMNS + " from follows f where f.follower_id = :follower and f.target = :target"
                        + " for update")
                .param("follower", follower)
                .param("target", target.key())
                .query(Follows::row)
                .optional();
    }

    Optional<Row> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from follows f where f.id = :id")
                .param("id", id)
                .query(Follows::row)
                .optional();
    }

    Optional<Row> byTokenHash(String hash) {
        return jdbc.sql("select " + COLUMNS + " from follows f where f.token_hash = :hash")
                .param("hash", hash)
                .query(Follows::row)
                .optional();
    }

    Optional<byte[]> sealedEmailOf(UUID follower) {
        return jdbc.sql("select email from followers where id = :id")
                .param("id", follower)
                .query(byte[].class)
                .optional();
    }

    void insert(Row f) {
        jdbc.sql("""
                        insert into follows (id, follower_id, target, organization_id, topic, include_children, frequency,
                                             language, status, token_hash, requested_at, campaign_id, campaign_slug,
                                             near_city_id, near_km)
                        values (:id, :follower, :target, :organization, :topic, :children, :frequency, :language,
                                'PENDING', :token, :now, :campaign, :campaignSlug, :nearCity, :nearKm)""")
                .param("id", f.id())
                .param("follower", f.follower())
                .param("target", f.target().key())
                .param("organization", organization(f.target()))
                .param("topic", f.target().topic())
                .params(campaign(f.target()))
                .param("children", f.includeChildren())
                .param("frequency", f.frequency().name())
                .param("language", f.language())
                .param("token", f.tokenHash())
                .param("now", Timestamp.from(f.requestedAt()))
                .update();
    }

    /** Asked again while pending or after unsubscribing: new settings, a new secret, waiting for confirmation. */
    void askAgain(
            UUID id,
            FollowTarget target,
            boolean includeChildren,
            Frequency frequency,
            String language,
            String tokenHash,
            Instant now) {
        jdbc.sql("""
                        update follows set status = 'PENDING', include_children = :children, frequency = :frequency,
                               language = :language, token_hash = :token, requested_at = :now, unsubscribed_at = null,
                               near_city_id = :nearCity, near_km = :nearKm
                        where id = :id""")
                .param("id", id)
                .params(campaign(target))
                .param("children", includeChildren)
                .param("frequency", frequency.name())
                .param("language", language)
                .param("token", tokenHash)
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean activate(UUID id, Instant now) {
        return jdbc.sql("""
                        update follows set status = 'ACTIVE', confirmed_at = :now, last_digest_at = :now
                        where id = :id and status = 'PENDING'""").param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    /** When the follow was ended by its follower, if it is ended. */
    Optional<Instant> unsubscribedAt(UUID id) {
        return jdbc.sql("select unsubscribed_at from follows where id = :id and status = 'UNSUBSCRIBED'")
                .param("id", id)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    boolean unsubscribe(UUID id, Instant now) {
        return jdbc.sql("""
                        update follows set status = 'UNSUBSCRIBED', unsubscribed_at = :now
                        where id = :id and status <> 'UNSUBSCRIBED'""").param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    void updatePreferences(UUID id, Frequency frequency, boolean includeChildren, String language) {
        jdbc.sql("""
                        update follows set frequency = :frequency, include_children = :children, language = :language
                        where id = :id""")
                .param("id", id)
                .param("frequency", frequency.name())
                .param("children", includeChildren)
                .param("language", language)
                .update();
    }

    int deleteUnconfirmed(Instant before) {
        return jdbc.sql("delete from follows where status = 'PENDING' and requested_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    int deleteUnsubscribed(Instant before) {
        return jdbc.sql("delete from follows where status = 'UNSUBSCRIBED' and unsubscribed_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    /** Addresses that follow nothing any more are forgotten. */
    int deleteFollowersWithoutFollows() {
        return jdbc.sql("""
                        delete from followers p where not exists (select 1 from follows f where f.follower_id = p.id)""").update();
    }

    /**
     * Streams the active follows of those who hear of a statement of {@code issuer} (whose ancestors are given) about
     * {@code topics}, one per follower: a follow of the issuer itself first, then of an ancestor, then of a topic.
     * With {@code frequency} null, every frequency.
     */
    void streamFollowersOf(
            OrganizationId issuer,
            Collection<OrganizationId> ancestors,
            Collection<String> topics,
            Frequency frequency,
            Consumer<Recipient> each) {
        var sql = "select distinct on (f.follower_id) " + RECIPIENT_COLUMNS + """
                 from follows f join followers p on p.id = f.follower_id
                 where f.status = 'ACTIVE' and (cast(? as text) is null or f.frequency = ?)
                   and (f.organization_id = ?
                        or (f.include_children and f.organization_id = any(?))
                        or f.topic = any(?))
                 order by f.follower_id, f.organization_id = ? desc nulls last, f.organization_id is not null desc,
                          f.id""";
        template.query(
                con -> {
                    var ps = con.prepareStatement(sql);
                    ps.setFetchSize(FETCH_SIZE);
                    var f = frequency == null ? null : frequency.name();
                    ps.setString(1, f);
                    ps.setString(2, f);
                    ps.setObject(3, issuer.value());
                    ps.setArray(
                            4,
                            con.createArrayOf(
                                    "uuid",
                                    ancestors.stream()
                                            .map(OrganizationId::value)
                                            .toArray()));
                    ps.setArray(5, con.createArrayOf("text", topics.toArray()));
                    ps.setObject(6, issuer.value());
                    return ps;
                },
                rs -> {
                    each.accept(recipient(rs));
                });
    }

    private static final String RECIPIENT_COLUMNS = """
            f.follower_id, f.id, f.token_hash, f.language, p.email, p.email_index, f.organization_id, f.topic,
            f.include_children, f.last_digest_at, f.campaign_id, f.campaign_slug, f.near_city_id, f.near_km
            """;

    /** Weekly follows whose last digest is older than {@code before}, oldest first. */
    List<Recipient> dueDigests(Instant before, int limit) {
        return jdbc.sql("select " + RECIPIENT_COLUMNS + """
                         from follows f join followers p on p.id = f.follower_id
                         where f.status = 'ACTIVE' and f.frequency = 'WEEKLY' and f.last_digest_at <= :before
                           and f.campaign_id is null
                         order by f.last_digest_at, f.id limit :limit""")
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query((rs, i) -> recipient(rs))
                .list();
    }

    /**
     * Active follows of campaigns whose letter is due: a day (or a week) after the last one or the confirmation, oldest
     * first.
     */
    List<Recipient> dueCampaignNews(Instant now, int limit) {
        return jdbc.sql("select " + RECIPIENT_COLUMNS + """
                         from follows f join followers p on p.id = f.follower_id
                         where f.status = 'ACTIVE' and f.campaign_id is not null
                           and f.last_digest_at <= :dayAgo
                           and (f.frequency = 'DAILY' or f.last_digest_at <= :weekAgo)
                         order by f.last_digest_at, f.id limit :limit""")
                .param("dayAgo", Timestamp.from(now.minus(java.time.Duration.ofDays(1))))
                .param("weekAgo", Timestamp.from(now.minus(java.time.Duration.ofDays(7))))
                .param("limit", limit)
                .query((rs, i) -> recipient(rs))
                .list();
    }

    void digested(Collection<UUID> follows, Instant now) {
        jdbc.sql("update follows set last_digest_at = :now where id = any(:ids)")
                .param("ids", follows.toArray(UUID[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The blind indexes of the addresses that would get an announcement of {@code organization}. */
    List<byte[]> indexesOfFollowers(OrganizationId organization, Collection<OrganizationId> ancestors) {
        return jdbc.sql("""
                        select distinct p.email_index from follows f join followers p on p.id = f.follower_id
                        where f.status = 'ACTIVE'
                          and (f.organization_id = :org or (f.include_children and f.organization_id = any(:ancestors)))""")
                .param("org", organization.value())
                .param(
                        "ancestors",
                        ancestors.stream().map(OrganizationId::value).toArray(UUID[]::new))
                .query(byte[].class)
                .list();
    }

    /** How many addresses would get an announcement of {@code organization}: one query, no address read. */
    int countFollowers(OrganizationId organization, Collection<OrganizationId> ancestors) {
        return jdbc.sql("""
                        select count(distinct f.follower_id) from follows f
                        where f.status = 'ACTIVE'
                          and (f.organization_id = :org or (f.include_children and f.organization_id = any(:ancestors)))""")
                .param("org", organization.value())
                .param(
                        "ancestors",
                        ancestors.stream().map(OrganizationId::value).toArray(UUID[]::new))
                .query(Integer.class)
                .single();
    }

    /** How many addresses follow each of these campaigns, in one query (a campaign nobody follows is absent). */
    java.util.Map<org.chorus.campaigns.CampaignId, Integer> countCampaignFollowers(
            Collection<org.chorus.campaigns.CampaignId> campaigns) {
        var counts = new java.util.HashMap<org.chorus.campaigns.CampaignId, Integer>();
        if (campaigns.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select f.campaign_id, count(*) from follows f
                        where f.status = 'ACTIVE' and f.campaign_id = any(:campaigns) group by f.campaign_id""")
                .param(
                        "campaigns",
                        campaigns.stream()
                                .map(org.chorus.campaigns.CampaignId::value)
                                .toArray(UUID[]::new))
                .query(rs -> {
                    counts.put(new org.chorus.campaigns.CampaignId(rs.getObject(1, UUID.class)), rs.getInt(2));
                });
        return counts;
    }

    /** The blind indexes of the addresses that would get an announcement to the campaign's followers. */
    List<byte[]> indexesOfCampaignFollowers(org.chorus.campaigns.CampaignId campaign) {
        return jdbc.sql("""
                        select p.email_index from follows f join followers p on p.id = f.follower_id
                        where f.status = 'ACTIVE' and f.campaign_id = :campaign""")
                .param("campaign", campaign.value())
                .query(byte[].class)
                .list();
    }

    /** The active followers of the campaign (one follow each), read as a stream, for an announcement to them. */
    void streamFollowersOfCampaign(org.chorus.campaigns.CampaignId campaign, Consumer<Recipient> each) {
        var sql = "select " + RECIPIENT_COLUMNS + """
                 from follows f join followers p on p.id = f.follower_id
                 where f.status = 'ACTIVE' and f.campaign_id = ?
                 order by f.id""";
        template.query(
                con -> {
                    var ps = con.prepareStatement(sql);
                    ps.setFetchSize(FETCH_SIZE);
                    ps.setObject(1, campaign.value());
                    return ps;
                },
                rs -> {
                    each.accept(recipient(rs));
                });
    }

    private static Recipient recipient(ResultSet rs) throws SQLException {
        var digest = rs.getTimestamp("last_digest_at");
        return new Recipient(
                rs.getObject("follower_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getString("token_hash"),
                rs.getString("language"),
                rs.getBytes("email"),
                rs.getBytes("email_index"),
                target(rs),
                rs.getBoolean("include_children"),
                digest == null ? null : digest.toInstant());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var digest = rs.getTimestamp("last_digest_at");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("follower_id", UUID.class),
                target(rs),
                rs.getBoolean("include_children"),
                Frequency.valueOf(rs.getString("frequency")),
                rs.getString("language"),
                FollowStatus.valueOf(rs.getString("status")),
                rs.getString("token_hash"),
                rs.getTimestamp("requested_at").toInstant(),
                digest == null ? null : digest.toInstant());
    }

    private static FollowTarget target(ResultSet rs) throws SQLException {
        var campaign = rs.getObject("campaign_id", UUID.class);
        if (campaign == null) {
            return FollowTarget.of(rs.getObject("organization_id", UUID.class), rs.getString("topic"));
        }
        var city = rs.getObject("near_city_id", Long.class);
        return FollowTarget.campaign(
                new org.chorus.campaigns.CampaignId(campaign),
                rs.getString("campaign_slug"),
                city == null ? null : new FollowTarget.Near(city, rs.getInt("near_km")));
    }

    /** The columns of a campaign's follow (all null for another target). */
    private static java.util.Map<String, Object> campaign(FollowTarget target) {
        var values = new java.util.HashMap<String, Object>();
        var campaign = target.campaign();
        var near = campaign == null ? null : campaign.near();
        values.put("campaign", campaign == null ? null : campaign.id().value());
        values.put("campaignSlug", campaign == null ? null : campaign.slug());
        values.put("nearCity", near == null ? null : near.city());
        values.put("nearKm", near == null ? null : near.kilometres());
        return values;
    }

    private static UUID organization(FollowTarget target) {
        return target.organization() == null ? null : target.organization().value();
    }

    /** For benchmarks and tests: many active follows of one organization at once, from sealed addresses. */
    int insertActive(OrganizationId organization, List<byte[][]> sealedAndIndexes, String language, Instant now) {
        int inserted = 0;
        for (int from = 0; from < sealedAndIndexes.size(); from += 1000) {
            var chunk = sealedAndIndexes.subList(from, Math.min(sealedAndIndexes.size(), from + 1000));
            var ids = chunk.stream().map(c -> UUID.randomUUID()).toList();
            template.batchUpdate(
                    "insert into followers (id, email, email_index, created_at) values (?, ?, ?, ?)",
                    java.util.stream.IntStream.range(0, chunk.size()).boxed().toList(),
                    chunk.size(),
                    (ps, i) -> {
                        ps.setObject(1, ids.get(i));
                        ps.setBytes(2, chunk.get(i)[0]);
                        ps.setBytes(3, chunk.get(i)[1]);
                        ps.setTimestamp(4, Timestamp.from(now));
                    });
            template.batchUpdate("""
                            insert into follows (id, follower_id, target, organization_id, include_children, frequency,
                                                 language, status, token_hash, requested_at, confirmed_at, last_digest_at)
                            values (?, ?, ?, ?, false, 'IMMEDIATE', ?, 'ACTIVE', ?, ?, ?, ?)""", ids, ids.size(), (ps, id) -> {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, id);
                ps.setString(3, "organization:" + organization.value());
                ps.setObject(4, organization.value());
                ps.setString(5, language);
                ps.setString(6, org.chorus.shared.SecretToken.generate().hash());
                ps.setTimestamp(7, Timestamp.from(now));
                ps.setTimestamp(8, Timestamp.from(now));
                ps.setTimestamp(9, Timestamp.from(now));
            });
            inserted += chunk.size();
        }
        return inserted;
    }
}
