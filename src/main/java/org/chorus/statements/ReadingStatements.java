package org.chorus.statements;

import com.github.difflib.text.DiffRowGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.chorus.accounts.AccountDirectory;
import org.chorus.accounts.AccountId;
import org.chorus.accounts.AccountSummary;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.FormDates;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.markdown.Markdown;
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
    private final AccountDirectory accounts;
    private final Topics topics;
    private final StatementSearch search;

    ReadingStatements(
            Statements statements,
            CoalitionDirectory organizations,
            OrganizationPermissions permissions,
            AccountDirectory accounts,
            Topics topics,
            StatementSearch search) {
        this.statements = statements;
        this.search = search;
        this.topics = topics;
        this.organizations = organizations;
        this.permissions = permissions;
        this.accounts = accounts;
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
        var parts = statements.pageParts(statement.id(), statement.originalLanguage());
        var cosignerIds = parts.cosigners();
        var republications = statements.republicationsOf(statement.id());
        var sourceId = statement.republication() == null
                ? null
                : statement.republication().sourceStatement();
        Optional<Statement> source =
                sourceId == null ? Optional.empty() : statements.byId(sourceId).filter(Statement::isPublic);
        var sourceCosignerIds = source.map(s -> statements.cosigners(s.id())).orElse(List.of());

        var ids = new ArrayList<OrganizationId>();
        ids.add(statement.issuer());
        ids.addAll(cosignerIds);
        republications.forEach(r -> ids.add(r.issuer()));
        source.ifPresent(s -> ids.add(s.issuer()));
        ids.addAll(sourceCosignerIds);
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
                parts.signatories(),
                source,
                source.map(s -> named.get(s.issuer())),
                sourceCosignerIds.stream()
                        .map(named::get)
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                republications.stream()
                        .map(r -> new StatementPage.Republisher(named.get(r.issuer()), r.slug()))
                        .filter(r -> r.organization() != null)
                        .toList(),
                parts.revisions(),
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
     * The published statement at this address, not retracted; empty for none (never a not-found thrown: for callers
     * inside a transaction of their own, which a thrown one would mark for rollback).
     */
    public Optional<Statement> publicStatement(String slug) {
        return statements.bySlug(slug).filter(s -> s.status() == StatementStatus.PUBLISHED);
    }

    /**
     * The statement's heading for a page about it, if the viewer may see it: its title in {@code language} when
     * published in it (else in the original) and its issuer, in a bounded few queries.
     */
    public StatementHeading heading(Actor viewer, String slug, String language) {
        return heading(visible(viewer, slug), language);
    }

    /** The organizations that co-issue a statement with its issuer, in their order (one query). */
    public List<OrganizationId> coIssuers(StatementId id) {
        return statements.cosigners(id);
    }

    /** The address of a statement, whatever its state (callers link only where they may). */
    public Optional<String> slugOf(StatementId id) {
        return statements.slugOf(id);
    }

    /** Addresses and original titles of these statements, by id, in one query (for lists that link to them). */
    public java.util.Map<StatementId, StatementLink> links(java.util.Collection<StatementId> ids) {
        return statements.links(ids);
    }

    /**
     * The rendered texts of listed statements, by slug, in the language each was listed in, in one query: for feeds,
     * whose readers get the whole text with its line breaks.
     */
    public java.util.Map<String, org.chorus.shared.markdown.SafeHtml> bodies(List<StatementSummary> items) {
        return statements.bodies(items);
    }

    /**
     * Lists say how many statements they have up to this many, and "more than" beyond: counting further would read the
     * whole list on every page (decision 0025).
     */
    public static final int COUNT_CAP = 1_000;

    /**
     * Public statements matching the filter, newest date of issue first: the page at {@code position}, with the cursors
     * of the pages newer and older than it and the list's total (up to {@link #COUNT_CAP}), in four queries.
     */
    public StatementList list(StatementFilter filter, String readerLanguage, ListPosition position) {
        var organizations = filter.organization() == null ? null : List.of(filter.organization());
        var rows = statements.listPublic(organizations, filter, readerLanguage, position, PAGE_SIZE);
        return page(rows, position, PAGE_SIZE, statements.countPublic(organizations, filter, COUNT_CAP));
    }

    /**
     * The same page as {@link #list} without counting the list (its total is 0): for feeds, which do not show one, in
     * three queries.
     */
    public StatementList uncounted(StatementFilter filter, String readerLanguage, ListPosition position) {
        var organizations = filter.organization() == null ? null : List.of(filter.organization());
        var rows = statements.listPublic(organizations, filter, readerLanguage, position, PAGE_SIZE);
        return page(rows, position, PAGE_SIZE, 0);
    }

    /** The newest public statements, at most {@code limit}, without a total: for the home page, in two queries. */
    public List<StatementSummary> latest(String readerLanguage, int limit) {
        var rows = statements.listPublic(null, StatementFilter.all(), readerLanguage, ListPosition.newest(), limit);
        return summaries(rows.subList(0, Math.min(limit, rows.size())));
    }

    /**
     * What an organization's page shows of statements: its latest (as issuer or co-issuer, its republications
     * included) and the latest of the organizations {@code below} it, at most {@code limit} each, with how many there
     * are in all (up to {@link #COUNT_CAP}), in five queries.
     */
    public OrganizationStatements ofOrganizationPage(
            OrganizationId organization, List<OrganizationId> below, String readerLanguage, int limit) {
        var all = StatementFilter.all();
        var newest = ListPosition.newest();
        var own = statements.listPublic(List.of(organization), all, readerLanguage, newest, limit);
        // asked even when nothing is below, so that every organization page costs the same
        var theirs = statements.listPublic(below, all, readerLanguage, newest, limit);
        var ownCount = statements.countPublic(List.of(organization), all, COUNT_CAP);
        var theirCount = statements.countPublic(below, all, COUNT_CAP);
        var rows = new ArrayList<>(own);
        rows.addAll(theirs);
        var named = named(rows);
        return new OrganizationStatements(
                page(own, newest, limit, ownCount, named), page(theirs, newest, limit, theirCount, named));
    }

    /** An organization's latest statements and those of the organizations below it, each with its total. */
    public record OrganizationStatements(StatementList own, StatementList below) {}

    private StatementList page(List<Statements.ListRow> rows, ListPosition position, int pageSize, long counted) {
        return page(rows, position, pageSize, counted, named(rows));
    }

    /**
     * A page from the rows {@link Statements#listPublic} found: one more than the page when there is more in the
     * direction it was read, whose cursors say where the next pages start.
     */
    private StatementList page(
            List<Statements.ListRow> rows,
            ListPosition position,
            int pageSize,
            long counted,
            java.util.Map<OrganizationId, Organization> named) {
        boolean towardsNewer = position.before() != null;
        boolean more = rows.size() > pageSize;
        var shown = !more ? rows : towardsNewer ? rows.subList(1, rows.size()) : rows.subList(0, pageSize);
        boolean newerExist = towardsNewer ? more : !position.isNewest();
        boolean olderExist = towardsNewer ? !shown.isEmpty() : more;
        return new StatementList(
                summaries(shown, named),
                Math.min(counted, COUNT_CAP),
                counted > COUNT_CAP,
                newerExist && !shown.isEmpty()
                        ? StatementCursor.at(shown.getFirst()).token()
                        : null,
                olderExist && !shown.isEmpty()
                        ? StatementCursor.at(shown.getLast()).token()
                        : null,
                position.isNewest(),
                position.after() == null && position.before() == null ? Math.max(1, position.number()) : null);
    }

    private java.util.Map<OrganizationId, Organization> named(List<Statements.ListRow> rows) {
        var ids = new HashSet<OrganizationId>();
        rows.forEach(r -> {
            ids.add(r.issuer());
            ids.addAll(r.republishers());
        });
        return organizations.find(ids);
    }

    private List<StatementSummary> summaries(List<Statements.ListRow> rows) {
        return summaries(rows, named(rows));
    }

    private List<StatementSummary> summaries(
            List<Statements.ListRow> rows, java.util.Map<OrganizationId, Organization> named) {
        return rows.stream()
                .map(r -> new StatementSummary(
                        r.id(),
                        r.slug(),
                        r.language(),
                        r.title(),
                        r.subtitle(),
                        shorten(r.excerpt()),
                        named.get(r.issuer()),
                        r.topics(),
                        r.issuedOn(),
                        r.issuedPrecision(),
                        r.publishedAt(),
                        r.updatedAt(),
                        r.republished(),
                        namesOf(r.republishers(), named)))
                .toList();
    }

    private static List<org.chorus.organizations.Organization> namesOf(
            List<OrganizationId> ids, java.util.Map<OrganizationId, org.chorus.organizations.Organization> named) {
        return ids.stream()
                .map(named::get)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }

    /** A published statement with its texts, for telling followers; empty when it is not public (any more). */
    public Optional<PublishedStatement> published(StatementId id) {
        return statements.published(List.of(id), null, null, 1).stream().findFirst();
    }

    /** Of these statements, the public ones, newest publication first, in one query (for lists of a few hundred). */
    public List<StatementId> publicAmong(java.util.Collection<StatementId> ids) {
        return statements.publicAmong(ids);
    }

    /** These statements, those still public, with their texts, oldest first, in two queries. */
    public List<PublishedStatement> published(List<StatementId> ids) {
        return ids.isEmpty() ? List.of() : statements.published(ids, null, null, ids.size());
    }

    /**
     * Statements published (and not retracted) after {@code from} and up to {@code to}, oldest first, at most
     * {@code limit}, with their texts: for weekly digests.
     */
    public List<PublishedStatement> publishedBetween(java.time.Instant from, java.time.Instant to, int limit) {
        return statements.published(null, from, to, limit);
    }

    /**
     * Full-text search over published statements in every language, the best {@link #PAGE_SIZE} (decision 0024), a
     * republished one once (as its original);
     * organization ids are replaced by names.
     */
    public List<SearchResult> search(String query, String language, OrganizationId organization) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        var results = search.search(query.strip(), language, organization, PAGE_SIZE);
        var ids = new HashSet<OrganizationId>();
        results.forEach(r -> {
            ids.add(r.issuer());
            ids.addAll(r.republishers());
        });
        var named = organizations.find(ids);
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
                            r.issuedOn(),
                            r.issuedPrecision(),
                            namesOf(r.republishers(), named),
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

    /**
     * The published revisions of a statement's original text, oldest first, under its heading; for a republication that
     * follows its original, the original's. Who made each is named to the people of the organization that made it
     * (and site admins); everyone else reads "an editor of" it.
     */
    public RevisionHistory publishedRevisions(Actor viewer, String slug) {
        var statement = visible(viewer, slug);
        var origin = statement.followsOriginal()
                ? statements
                        .byId(statement.republication().sourceStatement())
                        .filter(Statement::isPublic)
                        .orElse(statement)
                : statement;
        var revisions = statements.revisions(origin.id(), origin.originalLanguage(), true);
        var heading = heading(statement, null);
        var editors = origin == statement
                ? heading.issuer()
                : organizations.byId(origin.issuer()).orElse(null);
        boolean insider = viewer != null
                && (viewer.siteAdmin()
                        || permissions.roleOf(viewer, origin.issuer()).isPresent());
        var names = insider
                ? accounts
                        .findAll(revisions.stream().map(Revision::by).collect(java.util.stream.Collectors.toSet()))
                        .stream()
                        .collect(java.util.stream.Collectors.toMap(
                                AccountSummary::id, AccountSummary::displayName, (a, b) -> a))
                : java.util.Map.<AccountId, String>of();
        return new RevisionHistory(heading, revisions, editors, names);
    }

    /**
     * Two published revisions compared as readers see them: the rendered text (title, subtitle, then each block of
     * the body) word by word, and the signatories and co-issuers each was saved with.
     */
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
        boolean recorded = older.signatories() != null && newer.signatories() != null;
        List<OrganizationId> olderCosigners = recorded && older.cosigners() != null ? older.cosigners() : List.of();
        List<OrganizationId> newerCosigners = recorded && newer.cosigners() != null ? newer.cosigners() : List.of();
        var mentioned = new HashSet<>(concat(olderCosigners, newerCosigners));
        var named =
                mentioned.isEmpty() ? java.util.Map.<OrganizationId, Organization>of() : organizations.find(mentioned);
        return new RevisionHistory.Comparison(
                history.statement(),
                generator.generateDiffRows(lines(older), lines(newer)),
                recorded ? missingFrom(older.signatories(), newer.signatories()) : List.of(),
                recorded ? missingFrom(newer.signatories(), older.signatories()) : List.of(),
                missingFrom(olderCosigners, newerCosigners).stream()
                        .map(named::get)
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                missingFrom(newerCosigners, olderCosigners).stream()
                        .map(named::get)
                        .filter(java.util.Objects::nonNull)
                        .toList());
    }

    /** The items of {@code these} that {@code others} lacks, in their order. */
    private static <T> List<T> missingFrom(List<T> these, List<T> others) {
        return these.stream().filter(x -> !others.contains(x)).toList();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        var all = new ArrayList<T>(a);
        all.addAll(b);
        return all;
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

    /** A revision as readers see it: its title, subtitle and rendered body, one line per block. */
    private static List<String> lines(Revision r) {
        var lines = new ArrayList<String>();
        lines.add(r.title());
        if (!r.subtitle().isEmpty()) {
            lines.add(r.subtitle());
        }
        lines.add("");
        lines.addAll(Markdown.render(r.body()).lines());
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
