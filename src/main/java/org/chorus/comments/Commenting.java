package org.chorus.comments;

import java.time.Clock;
import java.util.regex.Pattern;
import org.chorus.accounts.AccountDirectory;
import org.chorus.accounts.AccountSummary;
import org.chorus.organizations.Actor;
import org.chorus.organizations.OrganizationPermissions;
import org.chorus.shared.DomainException;
import org.chorus.shared.InvalidField;
import org.chorus.shared.NetworkPrefix;
import org.chorus.shared.NotFoundException;
import org.chorus.shared.PermissionDenied;
import org.chorus.statements.ReadingStatements;
import org.chorus.statements.Statement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed-in people comment on public statements whose organization turned comments on, reply (one level deep), edit
 * their comment for a short while and report abuse. Comments by the issuing organization's people are shown at once;
 * everyone else's wait for its moderators. Spam is refused before anything is stored ({@link SpamSignals}).
 */
@Service
public class Commenting {

    public static final int BODY_MAX = 5000;
    public static final int LINKS_MAX = 2;
    public static final int REASON_MAX = 500;
    /** The author of imported comments: no account. */
    public static final org.chorus.accounts.AccountId IMPORTED =
            new org.chorus.accounts.AccountId(new java.util.UUID(0, 0));
    /** The author of guests' comments ({@link CommentingAsGuest}): no account. */
    public static final org.chorus.accounts.AccountId GUEST =
            new org.chorus.accounts.AccountId(new java.util.UUID(0, 1));

    private static final Pattern LINK = Pattern.compile("(?i)https?://|(?<![/\\w.])www\\.");

    private final Comments comments;
    private final ReadingStatements statements;
    private final OrganizationPermissions permissions;
    private final AccountDirectory accounts;
    private final FormStamps stamps;
    private final UsedFormStamps usedStamps;
    private final CommentRateLimits rateLimits;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Commenting(
            Comments comments,
            ReadingStatements statements,
            OrganizationPermissions permissions,
            AccountDirectory accounts,
            FormStamps stamps,
            UsedFormStamps usedStamps,
            CommentRateLimits rateLimits,
            Clock clock,
            ApplicationEventPublisher events) {
        this.comments = comments;
        this.statements = statements;
        this.permissions = permissions;
        this.accounts = accounts;
        this.stamps = stamps;
        this.usedStamps = usedStamps;
        this.rateLimits = rateLimits;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Posts a comment, or a reply when {@code parentId} is given (a reply to a reply joins the top-level comment). A
     * filled honeypot is answered as if the comment waited for moderation, but nothing is stored: the robot learns
     * nothing and the queue stays clean.
     */
    @Transactional
    public Comment post(Actor actor, String statementSlug, CommentId parentId, String body, SpamSignals signals) {
        if (actor == null) {
            throw new PermissionDenied("comment.sign-in-required");
        }
        var statement = statements.visible(actor, statementSlug);
        requireOpen(statement);
        if (comments.banned(statement.issuer(), actor.account())) {
            throw new PermissionDenied("comment.banned");
        }
        CommentId parent = null;
        if (parentId != null) {
            var replyTo = comments.byId(parentId)
                    .filter(c -> c.statement().equals(statement.id()) && c.approved())
                    .orElseThrow(() -> new NotFoundException("comment.not-found"));
            parent = replyTo.parent() == null ? replyTo.id() : replyTo.parent();
        }
        var now = clock.instant();
        if (signals.honeypotFilled()) {
            return new Comment(
                    CommentId.random(),
                    statement.id(),
                    statement.issuer(),
                    parent,
                    actor.account(),
                    "",
                    "",
                    CommentStatus.PENDING,
                    now,
                    null,
                    0);
        }
        var stamp = stamps.check(signals.formStamp());
        var text = checkedBody(body);
        var network = NetworkPrefix.hash(signals.address());
        rateLimits.take(actor.account(), network);
        boolean insider = permissions.roleOf(actor, statement.issuer()).isPresent();
        var comment = new Comment(
                CommentId.random(),
                statement.id(),
                statement.issuer(),
                parent,
                actor.account(),
                accounts.find(actor.account()).map(AccountSummary::displayName).orElse(""),
                text,
                insider ? CommentStatus.APPROVED : CommentStatus.PENDING,
                now,
                null,
                0);
        usedStamps.spend(stamp);
        comments.insert(comment, network);
        if (insider) {
            events.publishEvent(new CommentApproved(comment.id(), statement.id(), statement.issuer()));
        } else {
            events.publishEvent(new CommentAwaitsModeration(
                    comment.id(), statement.id(), statement.issuer(), actor.account(), now));
        }
        return comment;
    }

    /**
     * A comment brought in by an import (WordPress): kept under the original commenter's name and date with its
     * moderation status. The commenter has no account here, so the author is {@link #IMPORTED} (nobody can edit it
     * or be banned through it), and their email address is not kept. Only those who moderate the organization's
     * comments import them.
     */
    @Transactional
    public CommentId importComment(
            Actor actor,
            Statement statement,
            CommentId parent,
            String authorName,
            String text,
            java.time.Instant createdAt,
            CommentStatus status) {
        permissions.require(actor, statement.issuer(), CommentPermission.MODERATE_COMMENTS);
        var body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidField("body", "comment.body.required");
        }
        if (body.length() > BODY_MAX) {
            body = body.substring(0, BODY_MAX);
        }
        var name = authorName == null || authorName.isBlank() ? "—" : authorName.strip();
        var comment = new Comment(
                CommentId.random(),
                statement.id(),
                statement.issuer(),
                parent,
                IMPORTED,
                name.length() > 100 ? name.substring(0, 100) : name,
                body,
                status,
                createdAt == null ? clock.instant() : createdAt,
                null,
                0);
        comments.insert(comment, NetworkPrefix.hash(null));
        if (status == CommentStatus.APPROVED) {
            events.publishEvent(new CommentApproved(comment.id(), statement.id(), statement.issuer()));
        }
        return comment.id();
    }

    /** The author's own comment, while it may still be edited. */
    @Transactional(readOnly = true)
    public Comment forEditing(Actor actor, CommentId id) {
        var comment = find(id);
        requireEditable(actor, comment);
        return comment;
    }

    /**
     * The author changes their comment within {@link Comment#EDIT_WINDOW}. The organization's people stay approved;
     * anyone else's edited comment goes back to the moderation queue, so an approved comment cannot be turned into
     * something else afterwards.
     */
    @Transactional
    public Comment edit(Actor actor, CommentId id, String body) {
        var comment = find(id);
        requireEditable(actor, comment);
        if (comments.banned(comment.organization(), actor.account())) {
            throw new PermissionDenied("comment.banned");
        }
        var text = checkedBody(body);
        boolean insider = permissions.roleOf(actor, comment.organization()).isPresent();
        var status = insider ? CommentStatus.APPROVED : CommentStatus.PENDING;
        comments.edit(id, text, status, clock.instant());
        if (insider) {
            events.publishEvent(new CommentApproved(id, comment.statement(), comment.organization()));
        } else {
            if (comment.approved()) {
                events.publishEvent(new CommentWithdrawn(id, comment.statement()));
            }
            events.publishEvent(new CommentAwaitsModeration(
                    id, comment.statement(), comment.organization(), actor.account(), clock.instant()));
        }
        return comments.byId(id).orElseThrow();
    }

    /** A signed-in reader reports a visible comment; it goes to the moderators' queue. Reporting twice counts once. */
    @Transactional
    public void report(Actor actor, CommentId id, String reason) {
        if (actor == null) {
            throw new PermissionDenied("comment.sign-in-required");
        }
        var comment = comments.byId(id)
                .filter(Comment::approved)
                .orElseThrow(() -> new NotFoundException("comment.not-found"));
        var clean = reason == null ? "" : reason.strip();
        if (clean.length() > REASON_MAX) {
            throw new InvalidField("reason", "comment.reason.too-long", REASON_MAX);
        }
        comments.report(comment.id(), actor.account(), clean.isEmpty() ? null : clean, clock.instant());
    }

    /** Plain text: required, at most {@link #BODY_MAX} characters and {@link #LINKS_MAX} links. */
    static String checkedBody(String body) {
        var text = body == null
                ? ""
                : body.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            throw new InvalidField("body", "comment.body.required");
        }
        if (text.length() > BODY_MAX) {
            throw new InvalidField("body", "comment.body.too-long", BODY_MAX);
        }
        if (LINK.matcher(text).results().count() > LINKS_MAX) {
            throw new InvalidField("body", "comment.too-many-links", LINKS_MAX);
        }
        return text;
    }

    private static void requireOpen(Statement statement) {
        if (!statement.isPublic()) {
            throw DomainException.conflict("comment.statement-not-public");
        }
        if (!statement.commentsEnabled()) {
            throw DomainException.conflict("comment.disabled");
        }
    }

    private void requireEditable(Actor actor, Comment comment) {
        if (actor == null || !comment.author().equals(actor.account())) {
            throw new PermissionDenied("comment.not-yours");
        }
        if (comment.status() == CommentStatus.REJECTED || comment.status() == CommentStatus.SPAM) {
            throw new NotFoundException("comment.not-found");
        }
        if (!comment.editableBy(actor.account().value(), clock.instant())) {
            throw DomainException.conflict("comment.edit-window-closed", Comment.EDIT_WINDOW.toMinutes());
        }
    }

    private Comment find(CommentId id) {
        return comments.byId(id).orElseThrow(() -> new NotFoundException("comment.not-found"));
    }
}
