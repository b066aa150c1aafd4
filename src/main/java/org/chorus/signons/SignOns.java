package org.chorus.signons;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.statements.StatementId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code signon_openings}, {@code signons} and {@code signon_consents} tables, as signing and opening use them.
 * (Counting and the public list read them through their own repository; {@code signon_counts} is the count job's.)
 */
@Repository
class SignOns {

    /** The columns {@link #map} reads, of {@code signons s}; also read by the organizers' list. */
    static final String COLUMNS = """
            s.id, s.statement_id, s.kind, s.status, s.country, s.name, s.affiliation, s.title, s.website,
            s.description, s.show_name, s.organization_key, s.organization_id, s.signed_by, s.language, s.created_at,
            s.confirmed_at, s.expires_at""";

    private static final String OPENING_COLUMNS = """
            statement_id, organization_id, opened_by, who_may_sign, closes_at, show_people_names, auto_approve_people,
            auto_approve_organizations, thank_you, retention_days, blocked_domains, embed_origins,
            cast(questions as text) as questions, status, opened_at, closed_at""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Follows a data-modifying {@code with changed as (… returning statement_id)} on counted sign-ons: marks their
     * openings that are closed for the count job (which no longer recounts a closed sign-on past its retention on its
     * own), and answers how many sign-ons changed. The mark is written whenever the opening is closed, so the count
     * job's clearing of it waits for this transaction and its next count sees the change.
     */
    static final String MARKING_CLOSED_OPENINGS = """
            , marked as (
                update signon_openings o set recount = true from changed
                where o.statement_id = changed.statement_id and o.status = 'CLOSED')
            select count(*) from changed""";

    private final JdbcClient jdbc;

    SignOns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A sign-on with its sealed personal data (null once retention emptied it). */
    record Stored(SignOn signOn, byte[] personal) {}

    // --- openings

    Optional<SignOnOpening> opening(StatementId statement) {
        return jdbc.sql("select " + OPENING_COLUMNS + " from signon_openings where statement_id = :id")
                .param("id", statement.value())
                .query(SignOns::opening)
                .optional();
    }

    /** The opening, locked until the transaction ends (opening, closing and confirming wait for each other). */
    Optional<SignOnOpening> openingForUpdate(StatementId statement) {
        return jdbc.sql("select " + OPENING_COLUMNS + " from signon_openings where statement_id = :id for update")
                .param("id", statement.value())
                .query(SignOns::opening)
                .optional();
    }

    /** The openings of these statements, in one query. */
    List<SignOnOpening> openings(Collection<StatementId> statements) {
        if (statements.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + OPENING_COLUMNS + " from signon_openings where statement_id in (:ids)")
                .param("ids", statements.stream().map(StatementId::value).toList())
                .query(SignOns::opening)
                .list();
    }

    /** Inserts the opening or replaces its choices and state (re-opening, closing). */
    void save(SignOnOpening o) {
        var c = o.choices();
        jdbc.sql("""
                        insert into signon_openings (statement_id, organization_id, opened_by, who_may_sign, closes_at,
                            show_people_names, auto_approve_people, auto_approve_organizations, thank_you,
                            retention_days, blocked_domains, embed_origins, questions, status, opened_at, closed_at)
                        values (:statement, :organization, :by, :who, :closes, :names, :people, :organizations,
                            :thanks, :retention, :blocked, :embed, cast(:questions as jsonb), :status, :opened,
                            :closed)
                        on conflict (statement_id) do update set opened_by = excluded.opened_by,
                            who_may_sign = excluded.who_may_sign, closes_at = excluded.closes_at,
                            show_people_names = excluded.show_people_names,
                            auto_approve_people = excluded.auto_approve_people,
                            auto_approve_organizations = excluded.auto_approve_organizations,
                            thank_you = excluded.thank_you, retention_days = excluded.retention_days,
                            blocked_domains = excluded.blocked_domains, embed_origins = excluded.embed_origins,
                            questions = excluded.questions,
                            status = excluded.status, opened_at = excluded.opened_at, closed_at = excluded.closed_at
                        """)
                .param("statement", o.statement().value())
                .param("organization", o.organization().value())
                .param("by", o.openedBy().value())
                .param("who", c.whoMaySign().name())
                .param("closes", timestamp(c.closesAt()))
                .param("names", c.showPeopleNames())
                .param("people", c.autoApprovePeople())
                .param("organizations", c.autoApproveOrganizations())
                .param("thanks", c.thankYou())
                .param("retention", c.retentionDays())
                .param("blocked", c.blockedDomains().toArray(String[]::new))
                .param("embed", c.embedOrigins().toArray(String[]::new))
                .param("questions", JSON.writeValueAsString(c.questions()))
                .param("status", o.open() ? "OPEN" : "CLOSED")
                .param("opened", Timestamp.from(o.openedAt()))
                .param("closed", timestamp(o.closedAt()))
                .update();
    }

    // --- sign-ons

    /**
     * Stores a new sign-on; false, storing nothing, when the statement already has one of this person (same blind
     * index) or of this Chorus organization, or when its opening no longer takes sign-ons (closed, or past its
     * deadline, by the time of {@code createdAt}) — whatever a caller read of the opening earlier. Both answers commit
     * with the caller's transaction.
     */
    boolean insert(
            SignOn s,
            byte[] personal,
            byte[] emailIndex,
            String network,
            String confirmTokenHash,
            String withdrawTokenHash) {
        return jdbc.sql("""
                        insert into signons (id, statement_id, kind, status, country, name, affiliation, title, website,
                            description, show_name, organization_key, organization_id, signed_by, personal, email_index,
                            network, language, confirm_token_hash, withdraw_token_hash, created_at, confirmed_at,
                            expires_at)
                        select :id, :statement, :kind, :status, :country, :name, :affiliation, :title, :website,
                            :description, :showName, :key, :organization, :signedBy, :personal, :emailIndex,
                            :network, :language, :confirm, :withdraw, :created, :confirmed, :expires
                        where exists (select 1 from signon_openings o
                                      where o.statement_id = :statement and o.status = 'OPEN'
                                        and (o.closes_at is null or o.closes_at > :created))
                        on conflict do nothing""")
                        .param("id", s.id().value())
                        .param("statement", s.statement().value())
                        .param("kind", s.kind().name())
                        .param("status", s.status().name())
                        .param("country", s.country())
                        .param("name", s.name())
                        .param("affiliation", s.affiliation())
                        .param("title", s.title())
                        .param("website", s.website())
                        .param("description", s.description())
                        .param("showName", s.showName())
                        .param("key", s.organizationKey())
                        .param(
                                "organization",
                                s.organization() == null
                                        ? null
                                        : s.organization().value())
                        .param(
                                "signedBy",
                                s.signedBy() == null ? null : s.signedBy().value())
                        .param("personal", personal)
                        .param("emailIndex", emailIndex)
                        .param("network", network)
                        .param("language", s.language())
                        .param("confirm", confirmTokenHash)
                        .param("withdraw", withdrawTokenHash)
                        .param("created", Timestamp.from(s.createdAt()))
                        .param("confirmed", timestamp(s.confirmedAt()))
                        .param("expires", timestamp(s.expiresAt()))
                        .update()
                > 0;
    }

    Optional<Stored> byId(SignOnId id) {
        return jdbc.sql("select " + COLUMNS + ", s.personal from signons s where s.id = :id")
                .param("id", id.value())
                .query(SignOns::stored)
                .optional();
    }

    /** A person's sign-on on a statement, by the blind index of their canonical address. */
    Optional<Stored> person(StatementId statement, byte[] emailIndex) {
        return jdbc.sql("select " + COLUMNS + ", s.personal from signons s"
                        + " where s.statement_id = :statement and s.kind = 'PERSON' and s.email_index = :index")
                .param("statement", statement.value())
                .param("index", emailIndex)
                .query(SignOns::stored)
                .optional();
    }

    /** The sign-on of a Chorus organization on a statement, if it signed. */
    Optional<SignOn> ofOrganization(StatementId statement, OrganizationId organization) {
        return jdbc.sql("select " + COLUMNS + " from signons s"
                        + " where s.statement_id = :statement and s.organization_id = :organization")
                .param("statement", statement.value())
                .param("organization", organization.value())
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<Stored> byConfirmToken(String hash) {
        return jdbc.sql("select " + COLUMNS + ", s.personal from signons s where s.confirm_token_hash = :hash")
                .param("hash", hash)
                .query(SignOns::stored)
                .optional();
    }

    Optional<Stored> byWithdrawToken(String hash) {
        return jdbc.sql("select " + COLUMNS + ", s.personal from signons s where s.withdraw_token_hash = :hash")
                .param("hash", hash)
                .query(SignOns::stored)
                .optional();
    }

    /** A pending sign-on gets a new confirmation link (the signer asked again); false if it is no longer pending. */
    boolean renewConfirmation(SignOnId id, String confirmTokenHash, Instant expiresAt) {
        return jdbc.sql("""
                        update signons set confirm_token_hash = :hash, expires_at = :expires
                        where id = :id and status = 'PENDING'""")
                        .param("id", id.value())
                        .param("hash", confirmTokenHash)
                        .param("expires", Timestamp.from(expiresAt))
                        .update()
                > 0;
    }

    /** Records the signer's confirmation once: false when it was confirmed (or deleted) meanwhile. */
    boolean confirm(SignOn confirmed) {
        return jdbc.sql("""
                        with changed as (
                            update signons set status = :status, confirmed_at = :at, expires_at = null
                            where id = :id and status = 'PENDING' returning statement_id)""" + MARKING_CLOSED_OPENINGS)
                        .param("id", confirmed.id().value())
                        .param("status", confirmed.status().name())
                        .param("at", Timestamp.from(confirmed.confirmedAt()))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Deletes a sign-on with everything it holds (withdrawal); false when it was already gone. */
    boolean delete(SignOnId id) {
        return jdbc.sql("with changed as (delete from signons where id = :id returning statement_id)"
                                + MARKING_CLOSED_OPENINGS)
                        .param("id", id.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Deletes sign-ons never confirmed whose link expired before {@code now}; returns how many. */
    int deleteUnconfirmed(Instant now, int limit) {
        return jdbc.sql("""
                        delete from signons where id in (
                            select id from signons where status = 'PENDING' and expires_at <= :now
                            order by expires_at limit :limit)""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .update();
    }

    /**
     * Empties the personal data of sign-ons whose opening ended (closed, or past its deadline) more than its retention
     * days ago: the sealed document, the blind index, the network's hash, and a person's listed name, affiliation and
     * title.
     */
    int forgetPersonalData(Instant now) {
        return jdbc.sql("""
                        update signons s set personal = null, email_index = null, network = '',
                            name = case when s.kind = 'PERSON' then null else s.name end,
                            affiliation = null, title = null, show_name = false
                        from signon_openings o
                        where o.statement_id = s.statement_id and s.personal is not null
                          and coalesce(case when o.status = 'CLOSED' then o.closed_at end,
                                       case when o.closes_at <= :now then o.closes_at end)
                              + make_interval(days => o.retention_days) <= :now""").param("now", Timestamp.from(now)).update();
    }

    // --- consents

    void consent(SignOnId signOn, Collection<OrganizationId> organizations) {
        for (var organization : organizations) {
            jdbc.sql(
                            "insert into signon_consents (signon_id, organization_id) values (:id, :org) on conflict do nothing")
                    .param("id", signOn.value())
                    .param("org", organization.value())
                    .update();
        }
    }

    /** A confirmed sign-on's sealed personal data, its language and when it was confirmed, read for a consent. */
    record Consented(byte[] personal, String language, Instant confirmedAt) {}

    /**
     * The sealed personal data of a sign-on whose signer confirmed it and ticked the box of this organization; empty
     * when they did not, when it is not confirmed (yet), or when retention emptied it.
     */
    Optional<Consented> consented(SignOnId signOn, OrganizationId organization) {
        return jdbc.sql("""
                        select s.personal, s.language, s.confirmed_at
                        from signons s join signon_consents c on c.signon_id = s.id
                        where s.id = :id and c.organization_id = :org and s.status <> 'PENDING'
                          and s.personal is not null""")
                .param("id", signOn.value())
                .param("org", organization.value())
                .query((rs, n) ->
                        new Consented(rs.getBytes("personal"), rs.getString("language"), instant(rs, "confirmed_at")))
                .optional();
    }

    List<OrganizationId> consents(SignOnId signOn) {
        return jdbc.sql("select organization_id from signon_consents where signon_id = :id order by organization_id")
                .param("id", signOn.value())
                .query((rs, n) -> new OrganizationId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** The organizations each of these sign-ons' signers agreed to hear from, in one query. */
    java.util.Map<SignOnId, List<OrganizationId>> consents(Collection<SignOnId> signOns) {
        var consents = new java.util.HashMap<SignOnId, List<OrganizationId>>();
        if (signOns.isEmpty()) {
            return consents;
        }
        jdbc.sql("select signon_id, organization_id from signon_consents where signon_id in (:ids)"
                        + " order by signon_id, organization_id")
                .param("ids", signOns.stream().map(SignOnId::value).toList())
                .query(rs -> {
                    consents.computeIfAbsent(
                                    new SignOnId(rs.getObject(1, UUID.class)), id -> new java.util.ArrayList<>())
                            .add(new OrganizationId(rs.getObject(2, UUID.class)));
                });
        return consents;
    }

    private static SignOnOpening opening(ResultSet rs, int row) throws SQLException {
        return new SignOnOpening(
                new StatementId(rs.getObject("statement_id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                new AccountId(rs.getObject("opened_by", UUID.class)),
                new SignOnOpening.Choices(
                        WhoMaySign.valueOf(rs.getString("who_may_sign")),
                        instant(rs, "closes_at"),
                        rs.getBoolean("show_people_names"),
                        rs.getBoolean("auto_approve_people"),
                        rs.getBoolean("auto_approve_organizations"),
                        rs.getString("thank_you"),
                        rs.getInt("retention_days"),
                        List.of((String[]) rs.getArray("blocked_domains").getArray()),
                        List.of((String[]) rs.getArray("embed_origins").getArray()),
                        List.of(JSON.readValue(rs.getString("questions"), SignOnQuestion[].class))),
                "OPEN".equals(rs.getString("status")),
                instant(rs, "opened_at"),
                instant(rs, "closed_at"));
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(map(rs), rs.getBytes("personal"));
    }

    static SignOn map(ResultSet rs) throws SQLException {
        var organization = rs.getObject("organization_id", UUID.class);
        var signedBy = rs.getObject("signed_by", UUID.class);
        return new SignOn(
                new SignOnId(rs.getObject("id", UUID.class)),
                new StatementId(rs.getObject("statement_id", UUID.class)),
                SignOnKind.valueOf(rs.getString("kind")),
                SignOnStatus.valueOf(rs.getString("status")),
                rs.getString("country"),
                rs.getString("name"),
                rs.getString("affiliation"),
                rs.getString("title"),
                rs.getString("website"),
                rs.getString("description"),
                rs.getBoolean("show_name"),
                rs.getString("organization_key"),
                organization == null ? null : new OrganizationId(organization),
                signedBy == null ? null : new AccountId(signedBy),
                rs.getString("language"),
                instant(rs, "created_at"),
                instant(rs, "confirmed_at"),
                instant(rs, "expires_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
