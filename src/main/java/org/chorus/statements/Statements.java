package org.chorus.statements;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.DomainException;
import org.chorus.shared.markdown.Markdown;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stores statements and their texts, revisions, co-issuers and signatories. */
@Repository
class Statements {

    static final String COLUMNS = "s.id, s.slug, s.issuer_id, s.original_language, s.status, s.issued_on, "
            + "s.issued_precision, s.place, s.topics, s.comments_enabled, s.scheduled_for, s.published_at, s.corrected_at, s.retracted_at, "
            + "s.retraction_note, s.review_comment, s.source_statement_id, s.source_url, s.source_title, "
            + "s.source_publisher, s.source_published_on, s.introduction, s.created_at, s.updated_at, s.version";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    Statements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the statement; false when another one took its slug meanwhile (nothing is written then). */
    boolean insert(Statement s, UUID createdBy) {
        var r = s.republication();
        return jdbc.sql("""
                        insert into statements (id, slug, issuer_id, original_language, status, issued_on, issued_precision,
                            place, topics,
                            comments_enabled, published_at, source_statement_id, source_url, source_title,
                            source_publisher, source_published_on, introduction, created_by, created_at, updated_at)
                        values (:id, :slug, :issuer, :language, :status, :issuedOn, :precision, :place, :topics, :comments,
                            :published, :sourceId, :sourceUrl, :sourceTitle, :sourcePublisher, :sourceDate,
                            :introduction, :createdBy, :created, :updated)
                        on conflict (slug) do nothing
                        """)
                        .param("id", s.id().value())
                        .param("slug", s.slug())
                        .param("issuer", s.issuer().value())
                        .param("language", s.originalLanguage())
                        .param("status", s.status().name())
                        .param("issuedOn", s.issuedOn() == null ? null : Date.valueOf(s.issuedOn()))
                        .param("precision", s.issuedPrecision().name())
                        .param("place", s.place())
                        .param("topics", s.topics().toArray(String[]::new))
                        .param("comments", s.commentsEnabled())
                        .param("published", ts(s.publishedAt()))
                        .param(
                                "sourceId",
                                r == null || r.sourceStatement() == null
                                        ? null
                                        : r.sourceStatement().value())
                        .param("sourceUrl", r == null ? null : r.url())
                        .param("sourceTitle", r == null ? null : r.title())
                        .param("sourcePublisher", r == null ? null : r.publisher())
                        .param(
                                "sourceDate",
                                r == null || r.publishedOn() == null ? null : Date.valueOf(r.publishedOn()))
                        .param("introduction", r == null ? null : r.introduction())
                        .param("createdBy", createdBy)
                        .param("created", Timestamp.from(s.createdAt()))
                        .param("updated", Timestamp.from(s.updatedAt()))
                        .update()
                == 1;
    }

    /** Saves the statement's state if nobody changed it since it was read; otherwise the caller is told to reload. */
    void update(Statement s) {
        int updated = jdbc.sql("""
                        update statements set status = :status, issued_on = :issuedOn, issued_precision = :precision,
                            place = :place, topics = :topics,
                            comments_enabled = :comments, scheduled_for = :scheduled, published_at = :published,
                            corrected_at = :corrected, retracted_at = :retracted, retraction_note = :note,
                            review_comment = :review, introduction = :introduction, updated_at = :updated,
                            version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", s.id().value())
                .param("version", s.version())
                .param("status", s.status().name())
                .param("issuedOn", s.issuedOn() == null ? null : Date.valueOf(s.issuedOn()))
                .param("precision", s.issuedPrecision().name())
                .param("place", s.place())
                .param("topics", s.topics().toArray(String[]::new))
                .param("comments", s.commentsEnabled())
                .param("scheduled", ts(s.scheduledFor()))
                .param("published", ts(s.publishedAt()))
                .param("corrected", ts(s.correctedAt()))
                .param("retracted", ts(s.retractedAt()))
                .param("note", s.retractionNote())
                .param("review", s.reviewComment())
                .param(
                        "introduction",
                        s.republication() == null ? null : s.republication().introduction())
                .param("updated", Timestamp.from(s.updatedAt()))
                .update();
        if (updated != 1) {
            throw DomainException.conflict("statement.changed-meanwhile");
        }
    }

    /** Gives a statement that went public without a date of issue the one {@link Publication} chose. */
    void dateIssue(Statement s) {
        jdbc.sql("""
                        update statements set issued_on = :issuedOn, issued_precision = :precision
                        where id = :id and issued_on is null
                        """)
                .param("id", s.id().value())
                .param("issuedOn", Date.valueOf(s.issuedOn()))
                .param("precision", s.issuedPrecision().name())
                .update();
    }

    Optional<Statement> byId(StatementId id) {
        return jdbc.sql("select " + COLUMNS + " from statements s where s.id = :id")
                .param("id", id.value())
                .query(Statements::map)
                .optional();
    }

    Optional<Statement> bySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from statements s where s.slug = :slug")
                .param("slug", slug)
                .query(Statements::map)
                .optional();
    }

    /** Moves a statement not yet published to another address; false when that address is taken. */
    boolean changeSlug(StatementId id, String slug) {
        try {
            return jdbc.sql("""
                            update statements set slug = :slug
                            where id = :id and status in ('DRAFT', 'IN_REVIEW')
                              and not exists (select 1 from statements other where other.slug = :slug)
                            """).param("id", id.value()).param("slug", slug).update() == 1;
        } catch (org.springframework.dao.DuplicateKeyException taken) {
            return false;
        }
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("select count(*) from statements where slug = :slug")
                        .param("slug", slug)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The stored HTML of each listed statement's text in the language it was listed in, by slug. */
    java.util.Map<String, org.chorus.shared.markdown.SafeHtml> bodies(List<StatementSummary> items) {
        var bodies = new java.util.HashMap<String, org.chorus.shared.markdown.SafeHtml>();
        if (items.isEmpty()) {
            return bodies;
        }
        jdbc.sql("""
                        select s.slug, t.body_html from statements s
                        join statement_texts t on t.statement_id = s.id
                        join unnest(:slugs, :languages) as listed (slug, language)
                          on listed.slug = s.slug and listed.language = t.language
                        """)
                .param("slugs", items.stream().map(StatementSummary::slug).toArray(String[]::new))
                .param(
                        "languages",
                        items.stream().map(StatementSummary::language).toArray(String[]::new))
                .query(rs -> {
                    bodies.put(rs.getString("slug"), Markdown.sanitize(rs.getString("body_html")));
                });
        return bodies;
    }

    /** Writes a text (original or translation); PostgreSQL derives its search vector and excerpt (V1_203). */
    void putText(StatementId id, StatementText t, String plainBody) {
        jdbc.sql("""
                        insert into statement_texts (statement_id, language, title, subtitle, body, body_html, body_text,
                                                     translator, status, updated_at)
                        values (:id, :language, :title, :subtitle, :body, :html, :plain, :translator, :status, :updated)
                        on conflict (statement_id, language) do update set
                            title = excluded.title, subtitle = excluded.subtitle, body = excluded.body,
                            body_html = excluded.body_html, body_text = excluded.body_text,
                            translator = excluded.translator, status = excluded.status,
                            updated_at = excluded.updated_at
                        """)
                .param("id", id.value())
                .param("language", t.language())
                .param("title", t.title())
                .param("subtitle", t.subtitle())
                .param("body", t.body())
                .param("html", t.storedHtml())
                .param("plain", plainBody)
                .param("translator", t.translator())
                .param("status", t.published() ? "PUBLISHED" : "DRAFT")
                .param("updated", Timestamp.from(t.updatedAt()))
                .update();
    }

    void publishTexts(StatementId id) {
        jdbc.sql("update statement_texts set status = 'PUBLISHED' where statement_id = :id")
                .param("id", id.value())
                .update();
    }

    List<StatementText> texts(StatementId id) {
        return jdbc.sql("""
                        select language, title, subtitle, body, body_html, translator, status, updated_at
                        from statement_texts where statement_id = :id order by language
                        """).param("id", id.value()).query((rs, i) -> text(rs)).list();
    }

    int addRevision(
            StatementId id, String language, StatementText t, boolean published, String note, UUID by, Instant at) {
        return addRevision(id, language, t, published, note, by, at, null, null);
    }

    /**
     * Saves a version of a text; for the original's text, with the signatories and co-issuers saved with it, so a
     * correction's changes to them can be shown (null: not recorded, as for translations).
     */
    int addRevision(
            StatementId id,
            String language,
            StatementText t,
            boolean published,
            String note,
            UUID by,
            Instant at,
            List<Signatory> signatories,
            List<OrganizationId> cosigners) {
        return jdbc.sql("""
                        insert into statement_revisions (id, statement_id, language, number, title, subtitle, body,
                                                         published, note, created_by, created_at, signatories, cosigners)
                        values (:rid, :id, :language,
                                (select coalesce(max(number), 0) + 1 from statement_revisions
                                 where statement_id = :id and language = :language),
                                :title, :subtitle, :body, :published, :note, :by, :at, cast(:signatories as jsonb),
                                :cosigners)
                        returning number
                        """)
                .param("rid", UUID.randomUUID())
                .param("id", id.value())
                .param("language", language)
                .param("title", t.title())
                .param("subtitle", t.subtitle())
                .param("body", t.body())
                .param("published", published)
                .param("note", note)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("signatories", signatories == null ? null : JSON.writeValueAsString(signatories))
                .param(
                        "cosigners",
                        cosigners == null
                                ? null
                                : cosigners.stream().map(OrganizationId::value).toArray(UUID[]::new))
                .query(Integer.class)
                .single();
    }

    void markRevisionsPublished(StatementId id) {
        jdbc.sql("""
                        update statement_revisions r set published = true
                        where r.statement_id = :id and r.number = (select max(number) from statement_revisions x
                            where x.statement_id = r.statement_id and x.language = r.language)
                        """).param("id", id.value()).update();
    }

    List<Revision> revisions(StatementId id, String language, boolean publishedOnly) {
        return jdbc.sql("""
                        select number, title, subtitle, body, published, note, created_at, created_by,
                               cast(signatories as text) as signatories, cosigners
                        from statement_revisions
                        where statement_id = :id and language = :language and (published or not :publishedOnly)
                        order by number
                        """)
                .param("id", id.value())
                .param("language", language)
                .param("publishedOnly", publishedOnly)
                .query((rs, i) -> new Revision(
                        rs.getInt("number"),
                        rs.getString("title"),
                        rs.getString("subtitle"),
                        rs.getString("body"),
                        rs.getBoolean("published"),
                        rs.getString("note"),
                        rs.getTimestamp("created_at").toInstant(),
                        new AccountId(rs.getObject("created_by", UUID.class)),
                        signatories(rs.getString("signatories")),
                        rs.getArray("cosigners") == null
                                ? null
                                : Arrays.stream((UUID[])
                                                rs.getArray("cosigners").getArray())
                                        .map(OrganizationId::new)
                                        .toList()))
                .list();
    }

    private static List<Signatory> signatories(String json) {
        return json == null ? null : List.of(JSON.readValue(json, Signatory[].class));
    }

    /** A statement's title in one language and that language's tag. */
    record Title(String language, String title) {}

    /** The title in {@code language} when published in it, else the original's. */
    Title title(Statement statement, String language) {
        return jdbc.sql("""
                        select language, title from statement_texts
                        where statement_id = :id and (language = :original or (language = :wanted and status = 'PUBLISHED'))
                        order by language = :wanted desc
                        limit 1
                        """)
                .param("id", statement.id().value())
                .param("original", statement.originalLanguage())
                .param("wanted", language)
                .query((rs, i) -> new Title(rs.getString("language"), rs.getString("title")))
                .single();
    }

    void replaceCosigners(StatementId id, List<OrganizationId> organizations) {
        jdbc.sql("delete from statement_cosigners where statement_id = :id")
                .param("id", id.value())
                .update();
        for (int i = 0; i < organizations.size(); i++) {
            jdbc.sql(
                            "insert into statement_cosigners (statement_id, organization_id, position) values (:id, :org, :pos)")
                    .param("id", id.value())
                    .param("org", organizations.get(i).value())
                    .param("pos", i)
                    .update();
        }
    }

    List<OrganizationId> cosigners(StatementId id) {
        return jdbc
                .sql("select organization_id from statement_cosigners where statement_id = :id order by position")
                .param("id", id.value())
                .query(UUID.class)
                .list()
                .stream()
                .map(OrganizationId::new)
                .toList();
    }

    void replaceSignatories(StatementId id, List<Signatory> signatories) {
        jdbc.sql("delete from statement_signatories where statement_id = :id")
                .param("id", id.value())
                .update();
        for (int i = 0; i < signatories.size(); i++) {
            var s = signatories.get(i);
            jdbc.sql("""
                            insert into statement_signatories (statement_id, position, name, role_title, organization)
                            values (:id, :pos, :name, :role, :org)
                            """)
                    .param("id", id.value())
                    .param("pos", i)
                    .param("name", s.name())
                    .param("role", s.roleTitle())
                    .param("org", s.organization())
                    .update();
        }
    }

    List<Signatory> signatories(StatementId id) {
        return jdbc.sql(
                        "select name, role_title, organization from statement_signatories where statement_id = :id order by position")
                .param("id", id.value())
                .query((rs, i) -> new Signatory(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** What a statement's page shows besides its texts: its co-issuers, its signatories, its published revisions. */
    record PageParts(List<OrganizationId> cosigners, List<Signatory> signatories, int revisions) {}

    /**
     * {@link #cosigners}, {@link #signatories} and the number of published revisions in {@code language}, in one
     * round trip, for the page that needs all three on every rendering.
     */
    PageParts pageParts(StatementId id, String language) {
        return jdbc.sql("""
                        select array(select organization_id from statement_cosigners
                                     where statement_id = :id order by position) as cosigners,
                               (select json_agg(json_build_object('name', name, 'roleTitle', role_title,
                                                                  'organization', organization) order by position)
                                from statement_signatories where statement_id = :id) as signatories,
                               (select count(*) from statement_revisions
                                where statement_id = :id and language = :language and published) as revisions
                        """)
                .param("id", id.value())
                .param("language", language)
                .query((rs, i) -> new PageParts(
                        organizationIds(rs.getArray("cosigners")),
                        Objects.requireNonNullElse(signatories(rs.getString("signatories")), List.of()),
                        rs.getInt("revisions")))
                .single();
    }

    /** Public statements that republish this one, newest first. */
    List<Statement> republicationsOf(StatementId source) {
        return jdbc.sql("select " + COLUMNS + " from statements s where s.source_statement_id = :id "
                        + "and s.status = 'PUBLISHED' order by s.published_at desc")
                .param("id", source.value())
                .query(Statements::map)
                .list();
    }

    /**
     * Brings every republication of {@code source} on this Chorus in line with it (decision 0018): the original's date
     * of issue, place, correction time, signatories, its text and every published translation (a copy shows them as
     * published once it is public itself). The republisher's introduction and topics stay theirs. Returns the copies.
     */
    List<StatementId> followOriginal(StatementId source, Instant now) {
        var copies = jdbc
                .sql("select id from statements where source_statement_id = :source")
                .param("source", source.value())
                .query(UUID.class)
                .list()
                .stream()
                .map(StatementId::new)
                .toList();
        if (copies.isEmpty()) {
            return copies;
        }
        jdbc.sql("""
                        update statements c set
                            issued_on = coalesce(s.issued_on, cast(s.published_at at time zone 'UTC' as date)),
                            issued_precision = s.issued_precision, place = s.place, corrected_at = s.corrected_at, source_title = t.title,
                            source_published_on = coalesce(s.issued_on, cast(s.published_at at time zone 'UTC' as date)),
                            updated_at = :now, version = c.version + 1
                        from statements s
                        join statement_texts t on t.statement_id = s.id and t.language = s.original_language
                        where s.id = :source and c.source_statement_id = s.id
                        """)
                .param("source", source.value())
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                        delete from statement_texts ct using statements c
                        where ct.statement_id = c.id and c.source_statement_id = :source
                          and not exists (select 1 from statement_texts t join statements s on s.id = t.statement_id
                                          where s.id = :source and t.language = ct.language
                                            and (t.status = 'PUBLISHED' or t.language = s.original_language))
                        """).param("source", source.value()).update();
        jdbc.sql("""
                        insert into statement_texts (statement_id, language, title, subtitle, body, body_html, body_text,
                                                     translator, status, updated_at)
                        select c.id, t.language, t.title, t.subtitle, t.body, t.body_html, t.body_text, t.translator,
                               case when c.status in ('PUBLISHED', 'RETRACTED') then 'PUBLISHED' else 'DRAFT' end,
                               t.updated_at
                        from statements c
                        join statements s on s.id = c.source_statement_id
                        join statement_texts t on t.statement_id = s.id
                            and (t.status = 'PUBLISHED' or t.language = s.original_language)
                        where s.id = :source
                        on conflict (statement_id, language) do update set
                            title = excluded.title, subtitle = excluded.subtitle, body = excluded.body,
                            body_html = excluded.body_html, body_text = excluded.body_text,
                            translator = excluded.translator, status = excluded.status,
                            updated_at = excluded.updated_at
                        """).param("source", source.value()).update();
        jdbc.sql("""
                        delete from statement_signatories g using statements c
                        where g.statement_id = c.id and c.source_statement_id = :source
                        """).param("source", source.value()).update();
        jdbc.sql("""
                        insert into statement_signatories (statement_id, position, name, role_title, organization)
                        select c.id, g.position, g.name, g.role_title, g.organization
                        from statements c join statement_signatories g on g.statement_id = c.source_statement_id
                        where c.source_statement_id = :source
                        """).param("source", source.value()).update();
        return copies;
    }

    List<StatementId> dueForPublication(Instant now) {
        return jdbc
                .sql("select id from statements where status = 'SCHEDULED' and scheduled_for <= :now")
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .list()
                .stream()
                .map(StatementId::new)
                .toList();
    }

    /** All statements of an organization for its writers, newest change first. */
    List<Statement> ofIssuer(OrganizationId issuer) {
        return jdbc.sql("select " + COLUMNS
                        + " from statements s where s.issuer_id = :issuer order by s.updated_at desc")
                .param("issuer", issuer.value())
                .query(Statements::map)
                .list();
    }

    /**
     * A public statement in a list, with its text in the reader's language when translated, its date of issue, and the
     * organizations that republished it here.
     */
    record ListRow(
            StatementId id,
            String slug,
            OrganizationId issuer,
            List<String> topics,
            LocalDate issuedOn,
            DatePrecision issuedPrecision,
            Instant publishedAt,
            Instant updatedAt,
            boolean republished,
            List<OrganizationId> republishers,
            String language,
            String title,
            String subtitle,
            String excerpt) {}

    private static final String LIST_COLUMNS = "s.id, s.slug, s.issuer_id, s.topics, s.issued_on, s.issued_precision,"
            + " s.published_at, s.updated_at, s.source_statement_id, s.source_url, s.original_language";

    /**
     * Published statements (retracted ones leave lists) by date of issue, newest first, then by the moment they went
     * online, then by id: the page of {@code pageSize} at {@code position} and one more row beyond it (to know
     * whether there is another page), always listed newest first. With
     * {@code organizations} (issuers or co-issuers) a list shows their republications too; without, a statement
     * republished here appears once, as its original, with its republishers (decision 0017). The date filter is on the
     * date of issue: a statement known only to the month matches any day of that month.
     *
     * <p>The SQL has only the conditions of the filters in use, so that each combination is planned on its own index,
     * and pages are found by their cursor in the order's index (decision 0025). Issuers and co-issuers are two
     * index-ordered branches of a union, not an OR. Only the page's rows then look for the reader's language.
     */
    List<ListRow> listPublic(
            List<OrganizationId> organizations,
            StatementFilter filter,
            String readerLanguage,
            ListPosition position,
            int pageSize) {
        var params = new HashMap<String, Object>();
        var conditions = conditions(filter, params);
        boolean newer = position.before() != null;
        var cursor = newer ? position.before() : position.after();
        if (cursor != null) {
            conditions += " and (s.issued_on, s.published_at, s.id) " + (newer ? ">" : "<")
                    + " (cast(:cursorOn as date), cast(:cursorAt as timestamptz), cast(:cursorId as uuid))";
            params.put("cursorOn", Date.valueOf(cursor.issuedOn()));
            params.put("cursorAt", cursor.publishedAt().atOffset(java.time.ZoneOffset.UTC));
            params.put("cursorId", cursor.id());
        }
        var direction = newer ? "asc" : "desc";
        var order = " order by s.issued_on " + direction + ", s.published_at " + direction + ", s.id " + direction;
        params.put("limit", pageSize + 1);
        params.put("offset", position.offset(pageSize));
        String page;
        if (organizations == null) {
            page = "select " + LIST_COLUMNS + " from statements s where " + conditions + ORIGINALS_ONLY + order
                    + " limit :limit offset :offset";
        } else {
            params.put("orgs", ids(organizations));
            params.put("branch", pageSize + 1 + position.offset(pageSize));
            page = "select * from ((select " + LIST_COLUMNS + " from statements s where " + conditions + BY_ISSUER
                    + order + " limit :branch) union (select " + LIST_COLUMNS + " from statements s where "
                    + conditions
                    + (organizations.size() > FEW_ORGANIZATIONS ? BY_CO_ISSUER_OF_MANY : BY_CO_ISSUER_OF_FEW)
                    + order + " limit :branch)) s" + order
                    + " limit :limit offset :offset";
        }
        params.put("reader", readerLanguage);
        return jdbc.sql("with page as (" + page + """
                        )
                        select p.id, p.slug, p.issuer_id, p.topics, p.issued_on, p.issued_precision, p.published_at,
                               p.updated_at, p.source_statement_id, p.source_url, t.language, t.title, t.subtitle,
                               t.excerpt,
                               array(select r.issuer_id from statements r
                                     where r.source_statement_id = p.id and r.status = 'PUBLISHED'
                                     order by r.published_at) as republishers
                        from page p
                        cross join lateral (
                            select x.language, x.title, x.subtitle, x.excerpt from statement_texts x
                            where x.statement_id = p.id
                              and (x.language = p.original_language or (x.language = :reader and x.status = 'PUBLISHED'))
                            order by x.language = :reader desc
                            limit 1) t
                        order by p.issued_on desc, p.published_at desc, p.id desc
                        """)
                .params(params)
                .query((rs, i) -> new ListRow(
                        new StatementId(rs.getObject("id", UUID.class)),
                        rs.getString("slug"),
                        new OrganizationId(rs.getObject("issuer_id", UUID.class)),
                        strings(rs.getArray("topics")),
                        date(rs, "issued_on"),
                        DatePrecision.valueOf(rs.getString("issued_precision")),
                        rs.getTimestamp("published_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getObject("source_statement_id") != null || rs.getString("source_url") != null,
                        organizationIds(rs.getArray("republishers")),
                        rs.getString("language"),
                        rs.getString("title"),
                        rs.getString("subtitle"),
                        rs.getString("excerpt")))
                .list();
    }

    /**
     * How many statements {@link #listPublic} lists for these organizations and filter, counted up to {@code cap + 1}
     * only: more than {@code cap} is all a page says, and counting further reads the whole list.
     */
    long countPublic(List<OrganizationId> organizations, StatementFilter filter, int cap) {
        var params = new HashMap<String, Object>();
        var conditions = conditions(filter, params);
        params.put("cap", cap + 1);
        String sql;
        if (organizations == null) {
            sql = "select count(*) from (select s.id from statements s where " + conditions + ORIGINALS_ONLY
                    + " limit :cap) c";
        } else {
            params.put("orgs", ids(organizations));
            // the co-issued ones are counted only when those issued fall short of the cap: for the hundreds of
            // organizations below a league, the statements they issued are more than the cap, and finding 1,000
            // co-issued ones hashed all 29,000 co-issues first (8 ms); the sub-select is run only when reached
            var issued = "select s.id from statements s where " + conditions + BY_ISSUER + " limit :cap";
            sql = "select case when i.n >= :cap then i.n else (select count(*) from ((" + issued + ") union (select"
                    + " s.id from statements s where " + conditions + BY_CO_ISSUER + " limit :cap)) c) end"
                    + " from (select count(*) as n from (" + issued + ") x) i";
        }
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** A copy republished here is listed as its original when that is public (decision 0017). */
    private static final String ORIGINALS_ONLY =
            " and (select o.status from statements o where o.id = s.source_statement_id) is distinct from 'PUBLISHED'";

    private static final String BY_ISSUER = " and s.issuer_id = any(:orgs)";

    private static final String BY_CO_ISSUER = " and exists (select 1 from statement_cosigners c"
            + " where c.statement_id = s.id and c.organization_id = any(:orgs))";

    /**
     * The co-issuer branch of a list for a few organizations: their co-issues first (by organization), then those
     * statements by id, then the page of them. As an {@code exists}, PostgreSQL walked the whole order's index probing
     * each statement (45 ms for a chapter's 8 members on generated data, 7 ms this way).
     */
    private static final String BY_CO_ISSUER_OF_FEW = " and s.id = any(array(select c.statement_id"
            + " from statement_cosigners c where c.organization_id = any(:orgs)))";

    /** Up to this many organizations, a list reads their co-issues by organization; beyond, statement by statement. */
    static final int FEW_ORGANIZATIONS = 10;

    /**
     * The co-issuer branch for many organizations (an organization page's "below" holds hundreds): their co-issues are
     * much of the list, so the order's index finds a page at once, and each statement's co-issuers are read by the
     * primary key. The {@code coalesce} keeps PostgreSQL from searching the organization index instead, once per
     * organization for every statement (4 ms a statement with 470 organizations).
     */
    private static final String BY_CO_ISSUER_OF_MANY = " and exists (select 1 from statement_cosigners c"
            + " where c.statement_id = s.id and coalesce(c.organization_id = any(:orgs), false))";

    /** The conditions of the filters in use, and only those: an unused "or :x is null" would hide every index. */
    private static String conditions(StatementFilter filter, Map<String, Object> params) {
        var sql = new StringBuilder("s.status = 'PUBLISHED'");
        if (filter.topic() != null) {
            sql.append(" and s.topics @> array[cast(:topic as text)]");
            params.put("topic", filter.topic());
        }
        if (filter.language() != null) {
            sql.append(" and exists (select 1 from statement_texts l where l.statement_id = s.id"
                    + " and l.language = :language and l.status = 'PUBLISHED')");
            params.put("language", filter.language());
        }
        if (filter.from() != null) {
            // a statement known to the month matches any day of it; the first bound alone is the index's range
            sql.append(" and s.issued_on >= cast(:fromMonth as date)"
                    + " and (s.issued_precision = 'MONTH' or s.issued_on >= cast(:from as date))");
            params.put("fromMonth", Date.valueOf(filter.from().withDayOfMonth(1)));
            params.put("from", Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and s.issued_on <= cast(:to as date)");
            params.put("to", Date.valueOf(filter.to()));
        }
        return sql.toString();
    }

    private static UUID[] ids(List<OrganizationId> organizations) {
        return organizations.stream().map(OrganizationId::value).toArray(UUID[]::new);
    }

    static List<OrganizationId> organizationIds(Array array) throws SQLException {
        return array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray())
                        .map(id -> new OrganizationId((UUID) id))
                        .toList();
    }

    /**
     * Published statements (not retracted), by id or by publication time (after {@code from}, up to {@code to}),
     * oldest first, with each published text's title and first words, in two queries.
     */
    List<PublishedStatement> published(List<StatementId> ids, Instant from, Instant to, int limit) {
        var found = jdbc.sql("""
                        select s.id, s.slug, s.issuer_id, s.original_language, s.topics, s.published_at,
                               s.source_statement_id, s.source_url, s.source_title, s.source_publisher,
                               s.source_published_on, s.introduction
                        from statements s
                        where s.status = 'PUBLISHED'
                          and (cast(:ids as uuid[]) is null or s.id = any(:ids))
                          and (cast(:from as timestamptz) is null or s.published_at > :from)
                          and (cast(:to as timestamptz) is null or s.published_at <= :to)
                        order by s.published_at, s.id
                        limit :limit
                        """)
                .param(
                        "ids",
                        ids == null
                                ? null
                                : ids.stream().map(StatementId::value).toArray(UUID[]::new))
                .param("from", from == null ? null : java.sql.Timestamp.from(from))
                .param("to", to == null ? null : java.sql.Timestamp.from(to))
                .param("limit", limit)
                .query((rs, i) -> new PublishedStatement(
                        new StatementId(rs.getObject("id", UUID.class)),
                        rs.getString("slug"),
                        new OrganizationId(rs.getObject("issuer_id", UUID.class)),
                        rs.getString("original_language"),
                        strings(rs.getArray("topics")),
                        rs.getTimestamp("published_at").toInstant(),
                        republication(rs),
                        new java.util.LinkedHashMap<>()))
                .list();
        if (found.isEmpty()) {
            return found;
        }
        var byId = new java.util.HashMap<UUID, PublishedStatement>();
        found.forEach(p -> byId.put(p.id().value(), p));
        jdbc.sql("""
                        select t.statement_id, t.language, t.title, t.subtitle, t.excerpt
                        from statement_texts t join statements s on s.id = t.statement_id
                        where t.statement_id = any(:ids) and (t.status = 'PUBLISHED' or t.language = s.original_language)
                        order by t.language = s.original_language desc, t.language
                        """).param("ids", byId.keySet().toArray(UUID[]::new)).query(rs -> {
            var p = byId.get(rs.getObject("statement_id", UUID.class));
            p.texts()
                    .put(
                            rs.getString("language"),
                            new PublishedStatement.Text(
                                    rs.getString("language"),
                                    rs.getString("title"),
                                    rs.getString("subtitle"),
                                    rs.getString("excerpt")));
        });
        return found.stream()
                .map(p -> new PublishedStatement(
                        p.id(),
                        p.slug(),
                        p.issuer(),
                        p.originalLanguage(),
                        p.topics(),
                        p.publishedAt(),
                        p.republication(),
                        java.util.Collections.unmodifiableMap(p.texts())))
                .toList();
    }

    /** Of these statements, the public ones (published, not retracted), newest publication first; one query. */
    List<StatementId> publicAmong(java.util.Collection<StatementId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from statements where id = any(:ids) and status = 'PUBLISHED'"
                        + " order by published_at desc, id desc")
                .param("ids", ids.stream().map(StatementId::value).toArray(UUID[]::new))
                .query((rs, i) -> new StatementId(rs.getObject("id", UUID.class)))
                .list();
    }

    Optional<String> slugOf(StatementId id) {
        return jdbc.sql("select slug from statements where id = :id")
                .param("id", id.value())
                .query(String.class)
                .optional();
    }

    java.util.Map<StatementId, StatementLink> links(java.util.Collection<StatementId> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc
                .sql("""
                        select s.id, s.slug, t.title from statements s
                        join statement_texts t on t.statement_id = s.id and t.language = s.original_language
                        where s.id = any(:ids)
                        """)
                .param("ids", ids.stream().map(StatementId::value).distinct().toArray(UUID[]::new))
                .query((rs, i) -> new StatementLink(
                        new StatementId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(StatementLink::id, link -> link));
    }

    java.util.Map<StatementId, String> titlesOf(OrganizationId issuer) {
        var titles = new java.util.HashMap<StatementId, String>();
        jdbc.sql("""
                        select s.id, t.title from statements s
                        join statement_texts t on t.statement_id = s.id and t.language = s.original_language
                        where s.issuer_id = :issuer
                        """)
                .param("issuer", issuer.value())
                .query((rs, i) -> titles.put(new StatementId(rs.getObject(1, UUID.class)), rs.getString(2)))
                .list();
        return titles;
    }

    /** A text as stored; its rendering is sanitized again when it is shown ({@link StatementText#bodyHtml}). */
    static StatementText text(ResultSet rs) throws SQLException {
        return new StatementText(
                rs.getString("language"),
                rs.getString("title"),
                rs.getString("subtitle"),
                rs.getString("body"),
                rs.getString("body_html"),
                rs.getString("translator"),
                "PUBLISHED".equals(rs.getString("status")),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** Where a republished statement comes from; null for the issuer's own. */
    static Republication republication(ResultSet rs) throws SQLException {
        var sourceId = rs.getObject("source_statement_id", UUID.class);
        var sourceUrl = rs.getString("source_url");
        return sourceId == null && sourceUrl == null
                ? null
                : new Republication(
                        sourceId == null ? null : new StatementId(sourceId),
                        sourceUrl,
                        rs.getString("source_title"),
                        rs.getString("source_publisher"),
                        date(rs, "source_published_on"),
                        rs.getString("introduction"));
    }

    static Statement map(ResultSet rs, int row) throws SQLException {
        return new Statement(
                new StatementId(rs.getObject("id", UUID.class)),
                rs.getString("slug"),
                new OrganizationId(rs.getObject("issuer_id", UUID.class)),
                rs.getString("original_language"),
                new Statement.Workflow(
                        StatementStatus.valueOf(rs.getString("status")),
                        instant(rs, "scheduled_for"),
                        instant(rs, "published_at"),
                        instant(rs, "corrected_at"),
                        instant(rs, "retracted_at"),
                        rs.getString("retraction_note"),
                        rs.getString("review_comment")),
                new Statement.Details(
                        date(rs, "issued_on"),
                        DatePrecision.valueOf(rs.getString("issued_precision")),
                        rs.getString("place"),
                        strings(rs.getArray("topics")),
                        rs.getBoolean("comments_enabled")),
                republication(rs),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        var value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
