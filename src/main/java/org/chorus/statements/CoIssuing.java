package org.chorus.statements;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.chorus.organizations.Actor;
import org.chorus.organizations.CoalitionDirectory;
import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asking another organization to co-issue a statement (decision 0020): an editor of the issuer asks; the invited
 * organization's owners and designated reviewers read the text, drafts included, and accept or decline; the issuer
 * may withdraw a pending request. Accepting makes the organization a co-issuer, as if its own writer had named it.
 */
@Service
public class CoIssuing {

    static final int MESSAGE_MAX = 2000;
    private static final int HISTORY = 100;

    private final Statements statements;
    private final CoIssueRequests requests;
    private final OrganizationPermissions permissions;
    private final CoalitionDirectory organizations;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CoIssuing(
            Statements statements,
            CoIssueRequests requests,
            OrganizationPermissions permissions,
            CoalitionDirectory organizations,
            Clock clock,
            ApplicationEventPublisher events) {
        this.statements = statements;
        this.requests = requests;
        this.permissions = permissions;
        this.organizations = organizations;
        this.clock = clock;
        this.events = events;
    }

    /** An editor of the statement's issuer asks an active organization, by its slug, to co-issue the statement. */
    @Transactional
    public CoIssueRequest request(Actor actor, StatementId id, String organizationSlug) {
        var statement = statement(id);
        permissions.require(actor, statement.issuer(), StatementPermission.ASK_CO_ISSUERS);
        if (statement.status() == StatementStatus.RETRACTED) {
            throw DomainException.conflict("statement.co-issue.retracted");
        }
        var slug = organizationSlug == null ? "" : organizationSlug.strip();
        if (slug.isEmpty()) {
            throw new InvalidField("organization", "statement.co-issue.organization-required");
        }
        var invited = organizations
                .bySlug(slug)
                .filter(Organization::active)
                .orElseThrow(() -> new InvalidField("organization", "statement.co-issue.organization-not-found"));
        if (invited.id().equals(statement.issuer())) {
            throw new InvalidField("organization", "statement.co-issue.own");
        }
        if (statements.cosigners(id).contains(invited.id())) {
            throw new InvalidField("organization", "statement.co-issue.already-co-issues", invited.name());
        }
        var request = CoIssueRequest.asked(statement, invited.id(), actor.account(), clock.instant());
        if (!requests.insert(request)) {
            throw new InvalidField("organization", "statement.co-issue.already-pending", invited.name());
        }
        events.publishEvent(
                new CoIssueRequested(id, statement.issuer(), invited.id(), actor.account(), request.requestedAt()));
        return request;
    }

    /** The invited organization co-issues the statement from now on; it shows on the page, in JSON-LD and the API. */
    @Transactional
    public CoIssueRequest accept(Actor actor, UUID requestId, String message) {
        var request = received(actor, requestId);
        if (statement(request.statement()).status() == StatementStatus.RETRACTED) {
            throw DomainException.conflict("statement.co-issue.retracted");
        }
        var accepted = answer(request, CoIssueRequest.Status.ACCEPTED, actor, message);
        requests.addCosigner(request.statement(), request.invited());
        events.publishEvent(new StatementChanged(request.statement()));
        return accepted;
    }

    @Transactional
    public CoIssueRequest decline(Actor actor, UUID requestId, String message) {
        return answer(received(actor, requestId), CoIssueRequest.Status.DECLINED, actor, message);
    }

    /** The issuer takes back a request that is still pending. */
    @Transactional
    public CoIssueRequest withdraw(Actor actor, UUID requestId) {
        var request = line(requestId).request();
        permissions.require(actor, request.issuer(), StatementPermission.ASK_CO_ISSUERS);
        return answer(request, CoIssueRequest.Status.WITHDRAWN, actor, null);
    }

    /** The one place a request is answered, and the one emitter of {@link CoIssueAnswered}. */
    private CoIssueRequest answer(CoIssueRequest request, CoIssueRequest.Status status, Actor actor, String message) {
        var note = TextChecks.optional("message", message, MESSAGE_MAX, "statement.co-issue.message-too-long");
        var answered = request.answered(status, actor.account(), note.isEmpty() ? null : note, clock.instant());
        if (!requests.answer(answered)) {
            throw DomainException.conflict("statement.co-issue.already-answered");
        }
        events.publishEvent(new CoIssueAnswered(
                request.statement(),
                request.issuer(),
                request.invited(),
                status == CoIssueRequest.Status.ACCEPTED,
                actor.account(),
                answered.answeredAt()));
        return answered;
    }

    /** The requests an organization received, pending first; for those who answer them. */
    public List<CoIssueRequestLine> received(Actor actor, OrganizationId organization) {
        permissions.require(actor, organization, StatementPermission.ANSWER_CO_ISSUE_REQUESTS);
        return named(requests.received(organization, HISTORY));
    }

    /** How many requests wait for this person to answer in the organization; 0 if they may not answer. */
    public int waiting(Actor actor, OrganizationId organization) {
        if (actor == null || !permissions.can(actor, organization, StatementPermission.ANSWER_CO_ISSUE_REQUESTS)) {
            return 0;
        }
        return requests.pendingCount(organization);
    }

    /** A request the organization received, with the statement's text as it stands (a draft too), to decide on. */
    public Received read(Actor actor, OrganizationId organization, UUID requestId) {
        var line = line(requestId);
        if (!line.request().invited().equals(organization)) {
            throw new NotFoundException("statement.co-issue.not-found");
        }
        permissions.require(actor, organization, StatementPermission.ANSWER_CO_ISSUE_REQUESTS);
        var statement = statement(line.request().statement());
        var text = statements.texts(statement.id()).stream()
                .filter(t -> t.language().equals(statement.originalLanguage()))
                .findFirst()
                .orElseThrow();
        var cosigners = statements.cosigners(statement.id());
        var ids = new HashSet<OrganizationId>(cosigners);
        ids.add(line.request().issuer());
        ids.add(line.request().invited());
        var named = organizations.find(ids);
        return new Received(
                line.named(named),
                statement,
                text,
                statements.signatories(statement.id()),
                cosigners.stream()
                        .map(named::get)
                        .filter(java.util.Objects::nonNull)
                        .toList());
    }

    /** What the invited organization reads before answering. */
    public record Received(
            CoIssueRequestLine line,
            Statement statement,
            StatementText text,
            List<Signatory> signatories,
            List<Organization> cosigners) {}

    /** The requests made for a statement, latest first; for its issuer's writers. */
    public List<CoIssueRequestLine> sent(Actor actor, StatementId id) {
        var statement = statement(id);
        permissions.require(actor, statement.issuer(), StatementPermission.ASK_CO_ISSUERS);
        return named(requests.ofStatement(id));
    }

    /** The active organizations that may still be asked, by name: not the issuer, co-issuers or those asked. */
    public List<Organization> candidates(Actor actor, StatementId id) {
        var statement = statement(id);
        permissions.require(actor, statement.issuer(), StatementPermission.ASK_CO_ISSUERS);
        var excluded = new HashSet<>(statements.cosigners(id));
        excluded.add(statement.issuer());
        requests.ofStatement(id).stream()
                .filter(l -> l.request().pending())
                .forEach(l -> excluded.add(l.request().invited()));
        var result = new ArrayList<Organization>();
        for (var organization : organizations.listed()) {
            if (!excluded.contains(organization.id())) {
                result.add(organization);
            }
        }
        result.sort(Comparator.comparing(o -> o.name().toLowerCase(java.util.Locale.ROOT)));
        return result;
    }

    private CoIssueRequest received(Actor actor, UUID requestId) {
        var request = line(requestId).request();
        permissions.require(actor, request.invited(), StatementPermission.ANSWER_CO_ISSUE_REQUESTS);
        return request;
    }

    private CoIssueRequestLine line(UUID requestId) {
        return requests.byId(requestId).orElseThrow(() -> new NotFoundException("statement.co-issue.not-found"));
    }

    private List<CoIssueRequestLine> named(List<CoIssueRequestLine> lines) {
        var ids = new HashSet<OrganizationId>();
        lines.forEach(l -> {
            ids.add(l.request().issuer());
            ids.add(l.request().invited());
        });
        var named = organizations.find(ids);
        return lines.stream().map(l -> l.named(named)).toList();
    }

    private Statement statement(StatementId id) {
        return statements.byId(id).orElseThrow(() -> new NotFoundException("statement.not-found"));
    }
}
