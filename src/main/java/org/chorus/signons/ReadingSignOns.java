package org.chorus.signons;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.i18n.Countries;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the public sees of sign-ons: a statement's totals (as the count job last counted them) and its list of
 * organizations and of people named with their consent, page by page, in a bounded number of queries.
 */
@Service
@Transactional(readOnly = true)
public class ReadingSignOns {

    /** Sign-ons on a page of the list (and of the API). */
    public static final int PAGE_SIZE = 100;

    private final SignOnCounts counts;
    private final SignOnLists lists;
    private final ReadingStatements statements;
    private final OpenedStatements opened;
    private final Clock clock;

    ReadingSignOns(
            SignOnCounts counts,
            SignOnLists lists,
            ReadingStatements statements,
            OpenedStatements opened,
            Clock clock) {
        this.counts = counts;
        this.opened = opened;
        this.lists = lists;
        this.statements = statements;
        this.clock = clock;
    }

    /** The totals of a public statement opened for sign-on, in one query; empty when it never was. */
    public Optional<SignOnTotals> totals(StatementId statement) {
        return opened.opened(statement) ? counts.totals(statement, clock.instant()) : Optional.empty();
    }

    /** The totals of the public statement at {@code slug}, in two queries; not found unless it was opened for sign-on. */
    public SignOnTotals totals(String slug) {
        return totals(statements.visible(null, slug).id())
                .orElseThrow(() -> new NotFoundException("signons.not-opened"));
    }

    /** The totals of those of these statements that were opened for sign-on, in one query. */
    public Map<StatementId, SignOnTotals> totals(Collection<StatementId> statements) {
        var ever = statements.stream().filter(opened::opened).toList();
        return ever.isEmpty() ? Map.of() : counts.totals(ever, clock.instant());
    }

    /**
     * The top of the public list of the statement at {@code slug}, its title in {@code language} when it has it: not
     * found unless the statement is public and was opened for sign-on.
     */
    public SignOnList list(String slug, String language) {
        var heading = statements.heading(null, slug, language);
        var id = heading.statement().id();
        var totals = totals(id).orElseThrow(() -> new NotFoundException("signons.not-opened"));
        boolean names = lists.namesShown(id).orElse(false);
        return new SignOnList(heading, totals, names);
    }

    /**
     * A page of the listed organizations, grouped by country (countries in the order of their names in {@code
     * locale}), then by name, after the place {@code after} (a token a page gave; from the start when blank).
     */
    public SignOnPage<ListedOrganization> organizations(StatementId statement, Locale locale, String after) {
        var cursor = SignOnCursor.of(after, 'O');
        var rows = lists.organizations(statement, Countries.sorted(locale), cursor, PAGE_SIZE + 1);
        var shown = rows.subList(0, Math.min(PAGE_SIZE, rows.size()));
        return new SignOnPage<>(
                shown.stream().map(SignOnLists.OrganizationRow::organization).toList(),
                rows.size() > PAGE_SIZE ? shown.getLast().cursor().token() : null,
                cursor == null);
    }

    /**
     * A page of the people listed by name, newest first, after the place {@code after}; empty when the organizers do
     * not show names.
     */
    public SignOnPage<ListedPerson> people(SignOnList list, String after) {
        var cursor = SignOnCursor.of(after, 'P');
        if (!list.namesShown()) {
            return new SignOnPage<>(List.of(), null, cursor == null);
        }
        var rows = lists.people(list.statement().statement().id(), cursor, PAGE_SIZE + 1);
        var shown = rows.subList(0, Math.min(PAGE_SIZE, rows.size()));
        return new SignOnPage<>(
                shown.stream().map(SignOnLists.PersonRow::person).toList(),
                rows.size() > PAGE_SIZE ? shown.getLast().cursor().token() : null,
                cursor == null);
    }

    /**
     * Hands over the whole public list, organizations (by country code and name) then the people named (newest first),
     * one at a time, for downloads: no page of it is held whole.
     */
    public void eachListed(SignOnList list, Consumer<ListedOrganization> organizations, Consumer<ListedPerson> people) {
        var id = list.statement().statement().id();
        lists.eachOrganization(id, organizations);
        if (list.namesShown()) {
            lists.eachPerson(id, people);
        }
    }

    /** Every statement ever opened for sign-on, public or not (callers keep the public ones). */
    public java.util.Set<StatementId> opened() {
        return opened.all().stream().map(StatementId::new).collect(java.util.stream.Collectors.toSet());
    }

    /** A person listed by name, and the address of the statement they signed. */
    public record NamedSigner(String statement, ListedPerson person) {}

    /**
     * The person whose sign-on this is, when the public list names them: approved, consenting, on a public statement
     * whose organizers show names; empty otherwise. Three queries at most.
     */
    public Optional<NamedSigner> named(SignOnId id) {
        return lists.namedPerson(id)
                .filter(named -> lists.namesShown(named.statement()).orElse(false))
                .flatMap(named -> statements
                        .slugOf(named.statement())
                        .flatMap(statements::publicStatement)
                        .map(statement -> new NamedSigner(statement.slug(), named.person())));
    }
}
