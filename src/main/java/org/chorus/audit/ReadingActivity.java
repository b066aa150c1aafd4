package org.chorus.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chorus.accounts.AccountDirectory;
import org.chorus.accounts.AccountId;
import org.chorus.accounts.AccountSummary;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.NotFoundException;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.StatementId;
import org.chorus.statements.StatementLink;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two views of the audit log: a person's own (what was done to their account or by them) and an organization's
 * (for its owners, {@link AuditPermission#VIEW_ACTIVITY}). A page is {@value #PAGE_SIZE} entries, newest first, with
 * the names of the people, organizations and statements read as it is shown, in four queries whatever its length.
 */
@Service
public class ReadingActivity {

    static final int PAGE_SIZE = 50;

    private final AuditEntries entries;
    private final AccountDirectory accounts;
    private final CoalitionDirectory organizations;
    private final ReadingStatements statements;
    private final OrganizationPermissions permissions;

    ReadingActivity(
            AuditEntries entries,
            AccountDirectory accounts,
            CoalitionDirectory organizations,
            ReadingStatements statements,
            OrganizationPermissions permissions) {
        this.entries = entries;
        this.accounts = accounts;
        this.organizations = organizations;
        this.statements = statements;
        this.permissions = permissions;
    }

    /** One page of the log as shown, and where the next (older) page starts, if there is one. */
    public record Activity(List<Line> lines, Optional<ActivityCursor> older) {}

    /**
     * An entry with the names it mentions; a name is null when its account, organization or statement no longer
     * exists (the actor is also null when Chorus acted by itself: {@code entry.actor()} is null then).
     */
    public record Line(
            AuditEntry entry,
            @Nullable String actor,
            @Nullable String subject,
            @Nullable String organization,
            @Nullable String otherOrganization,
            @Nullable String statement) {}

    /** What was done to the person's account (that they may see) or by them, anywhere. */
    @Transactional(readOnly = true)
    public Activity ofAccount(Actor actor, @Nullable ActivityCursor before) {
        return named(entries.ofAccount(actor.account(), before, PAGE_SIZE + 1));
    }

    /** What happened in the organization, for those who may read its log. */
    @Transactional(readOnly = true)
    public Activity ofOrganization(Actor actor, String slug, @Nullable ActivityCursor before) {
        var organization =
                organizations.bySlug(slug).orElseThrow(() -> new NotFoundException("organization.not-found"));
        permissions.require(actor, organization.id(), AuditPermission.VIEW_ACTIVITY);
        return named(entries.ofOrganization(organization.id(), before, PAGE_SIZE + 1));
    }

    /** The organization whose log {@link #ofOrganization} shows, for the page's heading. */
    public Organization organization(String slug) {
        return organizations.bySlug(slug).orElseThrow(() -> new NotFoundException("organization.not-found"));
    }

    private Activity named(List<AuditEntry> found) {
        var page = found.size() > PAGE_SIZE ? found.subList(0, PAGE_SIZE) : found;
        var older = found.size() > PAGE_SIZE
                ? Optional.of(ActivityCursor.after(page.getLast()))
                : Optional.<ActivityCursor>empty();
        var people = accounts
                .findAll(page.stream()
                        .flatMap(e -> Stream.of(e.actor(), e.subject()))
                        .filter(Objects::nonNull)
                        .collect(Collectors.toCollection(HashSet::new)))
                .stream()
                .collect(Collectors.toMap(AccountSummary::id, AccountSummary::displayName, (a, b) -> a));
        Map<OrganizationId, Organization> named = page.isEmpty()
                ? Map.of()
                : organizations.find(page.stream()
                        .flatMap(e -> Stream.of(e.organization(), e.otherOrganization()))
                        .filter(Objects::nonNull)
                        .collect(Collectors.toCollection(HashSet::new)));
        var statementIds = page.stream()
                .map(AuditEntry::statement)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(HashSet::new));
        Map<StatementId, StatementLink> titles = statementIds.isEmpty() ? Map.of() : statements.links(statementIds);
        var lines = page.stream()
                .map(e -> new Line(
                        e,
                        name(people, e.actor()),
                        name(people, e.subject()),
                        e.organization() == null || !named.containsKey(e.organization())
                                ? null
                                : named.get(e.organization()).name(),
                        e.otherOrganization() == null || !named.containsKey(e.otherOrganization())
                                ? null
                                : named.get(e.otherOrganization()).name(),
                        e.statement() == null || !titles.containsKey(e.statement())
                                ? null
                                : titles.get(e.statement()).title()))
                .toList();
        return new Activity(lines, older);
    }

    private static @Nullable String name(Map<AccountId, String> people, @Nullable AccountId id) {
        return id == null ? null : people.get(id);
    }
}
