package org.chorus.campaigns;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.organizations.OrganizationId;
import org.chorus.statements.StatementId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code campaigns} and {@code campaign_texts} tables. */
@Repository
class Campaigns {

    private static final String COLUMNS = """
            c.id, c.slug, c.organization_id, c.original_language, c.status, c.time_zone, c.starts_on, c.ends_on,
            c.days_of_action, c.kinds, c.partners, c.statements, c.published_at, c.withdrawn_at, c.withdrawal_note,
            c.created_at, c.updated_at""";

    private static final String TEXT_COLUMNS =
            "t.language, t.title, t.summary, t.call, t.call_html, t.demands," + " t.updated_at";

    /** Campaigns with their title and summary in {@code :language} where they have it, else in their original's. */
    private static final String LISTED = "select " + COLUMNS + ", t.language as t_language, t.title, t.summary"
            + " from campaigns c join lateral (select t.language, t.title, t.summary from campaign_texts t"
            + "   where t.campaign_id = c.id and t.language in (:language, c.original_language)"
            + "   order by t.language = :language desc limit 1) t on true";

    private final JdbcClient jdbc;

    Campaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A campaign as lists show it: the campaign and its title and summary in the language the list chose. */
    record Listed(Campaign campaign, String language, String title, String summary) {}

    Optional<Campaign> bySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from campaigns c where c.slug = :slug")
                .param("slug", slug)
                .query(Campaigns::campaign)
                .optional();
    }

    /** The campaign, locked until the transaction ends (publishing, withdrawing and editing wait for each other). */
    Optional<Campaign> bySlugForUpdate(String slug) {
        return jdbc.sql("select " + COLUMNS + " from campaigns c where c.slug = :slug for update")
                .param("slug", slug)
                .query(Campaigns::campaign)
                .optional();
    }

    Optional<Campaign> byId(CampaignId id) {
        return jdbc.sql("select " + COLUMNS + " from campaigns c where c.id = :id")
                .param("id", id.value())
                .query(Campaigns::campaign)
                .optional();
    }

    /**
     * Holds until the transaction ends, so that campaigns given the same title at the same moment choose their
     * addresses one after the other (the second sees the first's taken) instead of failing on the unique index.
     */
    void lockAddress(String slug) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "campaigns.slug:" + slug)
                .query((rs, i) -> 1)
                .list();
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("select exists (select 1 from campaigns where slug = :slug)")
                .param("slug", slug)
                .query(Boolean.class)
                .single();
    }

    void insert(Campaign c, org.chorus.accounts.AccountId by) {
        jdbc.sql("""
                        insert into campaigns (id, slug, organization_id, original_language, status, time_zone,
                            starts_on, ends_on, days_of_action, kinds, partners, statements, published_at,
                            withdrawn_at, withdrawal_note, created_by, created_at, updated_at)
                        values (:id, :slug, :organization, :language, :status, :zone, :starts, :ends,
                            cast(:days as date[]), :kinds, :partners, :statements, :published, :withdrawn, :note,
                            :by, :created, :updated)
                        """)
                .params(parameters(c))
                .param("slug", c.slug())
                .param("organization", c.issuer().value())
                .param("language", c.originalLanguage())
                .param("by", by.value())
                .param("created", Timestamp.from(c.createdAt()))
                .update();
    }

    /** Stores the campaign's plan and state (the address, issuer and language never change). */
    void update(Campaign c) {
        jdbc.sql("""
                        update campaigns set status = :status, time_zone = :zone, starts_on = :starts, ends_on = :ends,
                            days_of_action = cast(:days as date[]), kinds = :kinds, partners = :partners,
                            statements = :statements, published_at = :published, withdrawn_at = :withdrawn,
                            withdrawal_note = :note, updated_at = :updated
                        where id = :id
                        """).params(parameters(c)).update();
    }

    private static java.util.Map<String, Object> parameters(Campaign c) {
        var p = c.plan();
        var values = new java.util.HashMap<String, Object>();
        values.put("id", c.id().value());
        values.put("status", c.status().name());
        values.put("zone", p.zone().getId());
        values.put("starts", Date.valueOf(p.startsOn()));
        values.put("ends", Date.valueOf(p.endsOn()));
        values.put("days", p.daysOfAction().stream().map(LocalDate::toString).toArray(String[]::new));
        values.put("kinds", p.kinds().stream().map(ActionKind::name).toArray(String[]::new));
        values.put("partners", p.partners().stream().map(OrganizationId::value).toArray(UUID[]::new));
        values.put("statements", p.statements().stream().map(StatementId::value).toArray(UUID[]::new));
        values.put("published", timestamp(c.publishedAt()));
        values.put("withdrawn", timestamp(c.withdrawnAt()));
        values.put("note", c.withdrawalNote());
        values.put("updated", Timestamp.from(c.updatedAt()));
        return values;
    }

    /** Inserts the text in its language, or replaces it. */
    void saveText(CampaignId campaign, CampaignText t) {
        jdbc.sql("""
                        insert into campaign_texts (campaign_id, language, title, summary, call, call_html, demands,
                            updated_at)
                        values (:campaign, :language, :title, :summary, :call, :html, :demands, :updated)
                        on conflict (campaign_id, language) do update set title = excluded.title,
                            summary = excluded.summary, call = excluded.call, call_html = excluded.call_html,
                            demands = excluded.demands, updated_at = excluded.updated_at
                        """)
                .param("campaign", campaign.value())
                .param("language", t.language())
                .param("title", t.title())
                .param("summary", t.summary())
                .param("call", t.call())
                .param("html", t.storedHtml())
                .param("demands", t.demands().toArray(String[]::new))
                .param("updated", Timestamp.from(t.updatedAt()))
                .update();
    }

    /** The campaign's texts, the original first, then by language. */
    List<CampaignText> texts(CampaignId campaign, String originalLanguage) {
        return jdbc.sql("select " + TEXT_COLUMNS + " from campaign_texts t where t.campaign_id = :id"
                        + " order by t.language <> :original, t.language")
                .param("id", campaign.value())
                .param("original", originalLanguage)
                .query(Campaigns::text)
                .list();
    }

    /**
     * Published campaigns, newest window first, {@code limit} of them after the cursor (when given), each with its
     * title in {@code language} where it has one, else in its original; one query.
     */
    List<Listed> published(
            OrganizationId organization, CampaignCursor after, LocalDate endingFrom, String language, int limit) {
        return jdbc.sql(LISTED
                        + " where c.status = 'PUBLISHED'"
                        + (organization == null ? "" : " and c.organization_id = :organization")
                        + (after == null ? "" : " and (c.starts_on, c.id) < (:afterDay, :afterId)")
                        + (endingFrom == null ? "" : " and c.ends_on >= :endingFrom")
                        // the current campaigns: the newest published first; lists: the newest window first
                        + (endingFrom == null
                                ? " order by c.starts_on desc, c.id desc"
                                : " order by c.published_at desc, c.id desc")
                        + " limit :limit")
                .params(listParameters(organization, after, endingFrom, language, limit))
                .query(Campaigns::listed)
                .list();
    }

    /** Those of the campaigns that are published, in one query. */
    java.util.Set<CampaignId> publishedAmong(java.util.Collection<CampaignId> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(
                jdbc.sql("select id from campaigns where id = any(:ids) and status = 'PUBLISHED'")
                        .param("ids", ids.stream().map(CampaignId::value).toArray(UUID[]::new))
                        .query((rs, i) -> new CampaignId(rs.getObject("id", UUID.class)))
                        .list());
    }

    /** Every published campaign (a site has tens or hundreds), in one query. */
    java.util.Set<CampaignId> published() {
        return new java.util.HashSet<>(jdbc.sql("select id from campaigns where status = 'PUBLISHED'")
                .query((rs, i) -> new CampaignId(rs.getObject("id", UUID.class)))
                .list());
    }

    /** Every campaign of the organization, drafts and withdrawn ones too, newest window first, for its editors. */
    List<Listed> ofOrganization(OrganizationId organization, String language) {
        return jdbc.sql(LISTED
                        + " where c.organization_id = :organization order by c.starts_on desc, c.id desc limit 500")
                .param("organization", organization.value())
                .param("language", language)
                .query(Campaigns::listed)
                .list();
    }

    private static java.util.Map<String, Object> listParameters(
            OrganizationId organization, CampaignCursor after, LocalDate endingFrom, String language, int limit) {
        var values = new java.util.HashMap<String, Object>();
        values.put("language", language);
        values.put("limit", limit);
        if (organization != null) {
            values.put("organization", organization.value());
        }
        if (after != null) {
            values.put("afterDay", Date.valueOf(after.startsOn()));
            values.put("afterId", after.id());
        }
        if (endingFrom != null) {
            values.put("endingFrom", Date.valueOf(endingFrom));
        }
        return values;
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        var plan = new Campaign.Plan(
                ZoneId.of(rs.getString("time_zone")),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                Arrays.stream((Date[]) rs.getArray("days_of_action").getArray())
                        .map(Date::toLocalDate)
                        .toList(),
                Arrays.stream((String[]) rs.getArray("kinds").getArray())
                        .map(ActionKind::valueOf)
                        .toList(),
                Arrays.stream((UUID[]) rs.getArray("partners").getArray())
                        .map(OrganizationId::new)
                        .toList(),
                Arrays.stream((UUID[]) rs.getArray("statements").getArray())
                        .map(StatementId::new)
                        .toList());
        return new Campaign(
                new CampaignId(rs.getObject("id", UUID.class)),
                rs.getString("slug"),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                rs.getString("original_language"),
                CampaignStatus.valueOf(rs.getString("status")),
                plan,
                instant(rs, "published_at"),
                instant(rs, "withdrawn_at"),
                rs.getString("withdrawal_note"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Listed listed(ResultSet rs, int row) throws SQLException {
        return new Listed(
                campaign(rs, row), rs.getString("t_language"), rs.getString("title"), rs.getString("summary"));
    }

    private static CampaignText text(ResultSet rs, int row) throws SQLException {
        return new CampaignText(
                rs.getString("language"),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("call"),
                rs.getString("call_html"),
                List.of((String[]) rs.getArray("demands").getArray()),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }
}
