package org.chorus.statements;

import com.github.difflib.text.DiffRowGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.FormDates;
import org.chorus.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads statements for pages, lists and feeds, each in a bounded number of queries. */
@Service
@Transactional(readOnly = true)
public class ReadingStatements {

    public static final int PAGE_SIZE = 20;

    private final Statements statements;
    private final CoalitionDirectory organizations;
    private final OrganizationPermissions permissions;
    private final Topics topics;

    ReadingStatements(
            Statements statements,
            CoalitionDirectory organizations,
            OrganizationPermissions permissions,
            Topics topics) {
        this.statements = statements;
        this.topics = topics;
        this.organizations = organizations;
        this.permissions = permissions;
    }

    /** These topics with their labels as writers wrote them ("Loss and damage" for loss-and-damage), in order. */
    public List<Topic> topics(java.util.Collection<String> slugs) {
        return topics.of(slugs == null ? List.of() : slugs);
    }

    /** One topic with its label. */
    public Topic topic(String slug) {
        return topics.of(List.of(slug)).getFirst();
    }

    /** The topics public statements are about, by label: the choices of a topic filter. */
    public List<Topic> topicsInUse() {
        return topics.inUse();
    }

    /**
     * The statement page. Drafts, statements in review and scheduled ones exist only for the issuer's writers and
     * site admins; for everyone else they are not found.
     */
    public StatementPage page(Actor viewer, String slug, String language) {
        var statement = statements.bySlug(slug).orElseThrow(() -> new NotFoundException("statement.not-found"));
        boolean canWrite = permissions.can(viewer, statement.issuer(), StatementPermission.WRITE_STATEMENTS);
        boolean canPublish = permissions.can(viewer, statement.issuer(), StatementPermission.PUBLISH_STATEMENTS);
        requireVisible(statement, canWrite);
        var texts = statements.texts(statement.id());
        var readable = texts.stream()
                .filter(t -> t.published() || canWrite || t.language().equals(statement.originalLanguage()))
                .toList();
        var original = readable.stream()
                .filter(t -> t.language().equals(statement.originalLanguage()))
                .findFirst()
                .orElseThrow();
        var wanted = language == null ? statement.originalLanguage() : language;
        var chosen = readable.stream().filter(t -> t.language().equals(wanted)).findFirst();
        var cosignerIds = statements.cosigners(statement.id());
        var republications = statements.republicationsOf(statement.id());
        var sourceId = statement.republication() == null
                ? null
                : statement.republication().sourceStatement();
        Optional<Statement> source =
                sourceId == null ? Optional.empty() : statements.byId(sourceId).filter(Statement::isPublic);

        var ids = new ArrayList<OrganizationId>();
        ids.add(statement.issuer());
        ids.addAll(cosignerIds);
        republications.forEach(r -> ids.add(r.issuer()));
        source.ifPresent(s -> ids.add(s.issuer()));
        var named = organizations.find(new HashSet<>(ids));

        return new StatementPage(
                statement,
                chosen.orElse(original),
                chosen.isEmpty(),
                wanted,
                readable,
                named.get(statement.issuer()),
                cosignerIds.stream()
                        .map(named::get)
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                statements.signatories(statement.id()),
                source,
                source.map(s -> named.get(s.issuer())),
                republications.stream()
                        .map(r -> new StatementPage.Republisher(named.get(r.issuer()), r.slug()))
                        .filter(r -> r.organization() != null)
                        .toList(),
                statements.publishedRevisionCount(statement.id(), statement.originalLanguage()),
                canWrite,
                canPublish);
    }

    /**
     * Reads a list's filters from query parameters: an organization must be listed (else not found), a date must be
     * yyyy-mm-dd (else refused for its field), blanks mean "any".
     */
    public StatementQuery query(StatementQuery.Parameters parameters) {
        var slug = trimmed(parameters.organization());
        return new StatementQuery(
                slug == null ? null : organizations.listed(slug),
                trimmed(parameters.topic()),
                trimmed(parameters.language()),
                date("from", parameters.from()),
                date("to", parameters.to()));
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate date(String field, String value) {
        return FormDates.date(field, value, "statement.filter.date-invalid");
    }

    /**
     * The statement at this address if the viewer may see it (anyone when it is public, the issuer's writers and site
     * admins always); else not found, as {@link #page} says. For other modules that need the statement, not its page.
     */
    public Statement visible(Actor viewer, String slug) {
        var statement = statements.bySlug(slug).orElseThrow(() -> new NotFoundException("statement.not-found"));
        if (!statement.isPublic()) {
            requireVisible(
                    statement, permissions.can(viewer, statement.issuer(), StatementPermission.WRITE_STATEMENTS));
        }
        return statement;
    }

    /**
     * The statement's heading for a page about it, if the viewer may see it: its title in {@code language} when
     * published in it (else in the original) and its issuer, in a bounded few queries.
     */
    public StatementHeading heading(Actor viewer, String slug, String language) {
        return heading(visible(viewer, slug), language);
    }

    /** The address of a statement, whatever its state (callers link only where they may). */
    public Optional<String> slugOf(StatementId id) {
        return statements.slugOf(id);
    }

    /** Addresses and original titles of these statements, by id, in one query (for lists that link to them). */
    public java.util.Map<StatementId, StatementLink> links(java.util.Collection<StatementId> ids) {
        return statements.links(ids);
    }

    /** Public statements matching the filter, newest first, one page. */
    public StatementList list(StatementFilter filter, String readerLanguage, int page) {
        int current = Math.min(Math.max(1, page), 100_000);
        var rows = statements.listPublic(filter, readerLanguage, PAGE_SIZE, (current - 1) * PAGE_SIZE);
        long total = !rows.isEmpty()
                ? rows.getFirst().total()
                : current > 1 ? list(filter, readerLanguage, 1).total() : 0;
        var named = organizations.find(
                rows.stream().map(Statements.ListRow::issuer).distinct().toList());
        var items = rows.stream()
                .map(r -> new StatementSummary(
                        r.slug(),
                        r.language(),
                        r.title(),
                        r.subtitle(),
                        shorten(r.excerpt()),
                        named.get(r.issuer()),
                        r.topics(),
                        r.publishedAt(),
                        r.updatedAt(),
                        r.retracted(),
                        r.republished()))
                .toList();
        return new StatementList(items, current, PAGE_SIZE, total);
    }

    /** A published statement with its texts, for telling followers; empty when it is not public (any more). */
    public Optional<PublishedStatement> published(StatementId id) {
        return statements.published(List.of(id), null, null, 1).stream().findFirst();
    }

    /**
     * Statements published (and not retracted) after {@code from} and up to {@code to}, oldest first, at most
     * {@code limit}, with their texts: for weekly digests.
     */
    public List<PublishedStatement> publishedBetween(java.time.Instant from, java.time.Instant to, int limit) {
        return statements.published(null, from, to, limit);
    }

    /** Full-text search over public statements in every language; issuer ids are replaced by names. */
    public List<SearchResult> search(String query, String language, OrganizationId organization) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        var results = statements.search(query.strip(), language, organization, 50);
        var named = organizations.find(
                results.stream().map(Statements.SearchHit::issuer).distinct().toList());
        return results.stream()
                .map(r -> {
                    var issuer = named.get(r.issuer());
                    return new SearchResult(
                            r.slug(),
                            r.language(),
                            r.original(),
                            r.title(),
                            r.snippet(),
                            issuer == null ? "" : issuer.name(),
                            r.publishedAt(),
                            r.rank());
                })
                .toList();
    }

    /** Every statement of an organization, whatever its state, for its writers. */
    public List<Statement> ofOrganization(Actor viewer, OrganizationId organization) {
        permissions.require(viewer, organization, StatementPermission.WRITE_STATEMENTS);
        return statements.ofIssuer(organization);
    }

    /** Titles of the organization's statements in their original language, by id, in one query. */
    public java.util.Map<StatementId, String> titles(OrganizationId organization) {
        return statements.titlesOf(organization);
    }

    /** The published revisions of a statement's original text, oldest first, under its heading. */
    public RevisionHistory publishedRevisions(Actor viewer, String slug) {
        var statement = visible(viewer, slug);
        return new RevisionHistory(
                heading(statement, null), statements.revisions(statement.id(), statement.originalLanguage(), true));
    }

    /** A line-by-line comparison of two published revisions, for "corrected on …". */
    public RevisionHistory.Comparison diff(Actor viewer, String slug, int from, int to) {
        var history = publishedRevisions(viewer, slug);
        var revisions = history.revisions();
        var older = revisions.stream()
                .filter(r -> r.number() == from)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("statement.revision.not-found"));
        var newer = revisions.stream()
                .filter(r -> r.number() == to)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("statement.revision.not-found"));
        var generator = DiffRowGenerator.create()
                .showInlineDiffs(true)
                .inlineDiffByWord(true)
                .mergeOriginalRevised(true)
                .oldTag(start -> start ? "\u0001" : "\u0002")
                .newTag(start -> start ? "\u0003" : "\u0004")
                .build();
        return new RevisionHistory.Comparison(
                history.statement(), generator.generateDiffRows(lines(older), lines(newer)));
    }

    private StatementHeading heading(Statement statement, String language) {
        var title = statements.title(statement, language == null ? statement.originalLanguage() : language);
        return new StatementHeading(
                statement,
                title.language(),
                title.title(),
                organizations.byId(statement.issuer()).orElse(null));
    }

    /** Drafts, statements in review and scheduled ones exist only for the issuer's writers and site admins. */
    private static void requireVisible(Statement statement, boolean canWrite) {
        if (!statement.isPublic() && !canWrite) {
            throw new NotFoundException("statement.not-found");
        }
    }

    private static List<String> lines(Revision r) {
        var lines = new ArrayList<String>();
        lines.add(r.title());
        if (!r.subtitle().isEmpty()) {
            lines.add(r.subtitle());
        }
        lines.add("");
        lines.addAll(r.body().lines().toList());
        return lines;
    }

    private static String shorten(String text) {
        if (text == null || text.length() < 240) {
            return text;
        }
        var cut = text.lastIndexOf(' ', 237);
        return text.substring(0, cut > 0 ? cut : 237) + "…";
    }
}
