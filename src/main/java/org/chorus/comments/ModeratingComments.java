package org.chorus.comments;

import java.time.Clock;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationId;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.NotFoundException;
import org.chorus.statements.ReadingStatements;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's moderators (owners and moderators, {@link CommentPermission#MODERATE_COMMENTS}) go through new and
 * reported comments on its statements: approve, reject, mark as spam, or ban the author from commenting there.
 */
@Service
public class ModeratingComments {

    private final Comments comments;
    private final ReadingStatements statements;
    private final OrganizationPermissions permissions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ModeratingComments(
            Comments comments,
            ReadingStatements statements,
            OrganizationPermissions permissions,
            Clock clock,
            ApplicationEventPublisher events) {
        this.comments = comments;
        this.statements = statements;
        this.permissions = permissions;
        this.clock = clock;
        this.events = events;
    }

    /** Comments waiting for a decision and reported ones, oldest first, in a bounded number of queries. */
    @Transactional(readOnly = true)
    public ModerationQueue queue(Actor actor, OrganizationId organization) {
        permissions.require(actor, organization, CommentPermission.MODERATE_COMMENTS);
        var waiting = comments.queueOf(organization);
        if (waiting.isEmpty()) {
            return new ModerationQueue(java.util.List.of());
        }
        var links = statements.links(
                waiting.stream().map(Comment::statement).distinct().toList());
        return new ModerationQueue(waiting.stream()
                .map(c -> {
                    var link = links.get(c.statement());
                    return new ModerationQueue.Item(
                            c, link == null ? "" : link.title(), link == null ? "" : link.slug());
                })
                .toList());
    }

    @Transactional
    public Comment approve(Actor actor, CommentId id) {
        var comment = moderated(actor, id);
        comments.decide(id, CommentStatus.APPROVED);
        events.publishEvent(new CommentApproved(id, comment.statement(), comment.organization()));
        announceDecision(comment, actor, CommentModerated.Decision.APPROVED);
        return comments.byId(id).orElseThrow();
    }

    @Transactional
    public Comment reject(Actor actor, CommentId id) {
        return refuse(actor, id, CommentStatus.REJECTED, CommentModerated.Decision.REJECTED);
    }

    @Transactional
    public Comment markSpam(Actor actor, CommentId id) {
        return refuse(actor, id, CommentStatus.SPAM, CommentModerated.Decision.SPAM);
    }

    /** The person may no longer comment on the organization's statements; what they still had waiting is rejected. */
    @Transactional
    public void ban(Actor actor, OrganizationId organization, AccountId account) {
        permissions.require(actor, organization, CommentPermission.MODERATE_COMMENTS);
        var now = clock.instant();
        comments.ban(organization, account, actor.account(), now);
        comments.rejectPendingOf(organization, account);
        events.publishEvent(new CommenterBanned(organization, account, actor.account(), now));
    }

    /** Bans the author of a comment (an account, or a guest's address) from the organization that moderates it. */
    @Transactional
    public void banAuthor(Actor actor, CommentId id) {
        var comment = moderated(actor, id);
        if (comment.author().equals(Commenting.IMPORTED)) {
            throw org.chorus.shared.DomainException.conflict("comment.imported-no-author");
        }
        if (comment.remote()) {
            // their server is blocked or silenced on the organization's fediverse page instead
            throw org.chorus.shared.DomainException.conflict("comment.remote-no-ban");
        }
        if (comment.guest()) {
            // a guest has no account: the ban holds their address's blind index
            var index = comments.guestEmailIndex(id).orElseThrow(() -> new NotFoundException("comment.not-found"));
            var now = clock.instant();
            comments.banEmail(comment.organization(), index, actor.account(), now);
            comments.rejectPendingOfGuest(comment.organization(), index);
            events.publishEvent(new CommenterBanned(comment.organization(), null, actor.account(), now));
            return;
        }
        ban(actor, comment.organization(), comment.author());
    }

    private Comment refuse(Actor actor, CommentId id, CommentStatus status, CommentModerated.Decision decision) {
        var comment = moderated(actor, id);
        comments.decide(id, status);
        if (comment.approved()) {
            events.publishEvent(new CommentWithdrawn(id, comment.statement()));
        }
        announceDecision(comment, actor, decision);
        return comments.byId(id).orElseThrow();
    }

    private void announceDecision(Comment comment, Actor actor, CommentModerated.Decision decision) {
        events.publishEvent(new CommentModerated(
                comment.id(), comment.statement(), comment.organization(), actor.account(), decision, clock.instant()));
    }

    private Comment moderated(Actor actor, CommentId id) {
        var comment = comments.byId(id).orElseThrow(() -> new NotFoundException("comment.not-found"));
        permissions.require(actor, comment.organization(), CommentPermission.MODERATE_COMMENTS);
        return comment;
    }
}
