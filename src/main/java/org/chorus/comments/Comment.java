package org.chorus.comments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.chorus.statements.StatementId;

/** A person's (or a guest's) comment on a statement, in plain text, moderated by the statement's issuing organization. */
public record Comment(
        CommentId id,
        StatementId statement,
        OrganizationId organization,
        CommentId parent,
        AccountId author,
        String authorName,
        String body,
        CommentStatus status,
        Instant createdAt,
        Instant editedAt,
        int reports) {

    /** How long after posting the author may still change a comment. */
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

    /** Written by a visitor without an account, who confirmed their email address. */
    public boolean guest() {
        return author.equals(Commenting.GUEST);
    }

    /** Written on another server of the fediverse, under its author's handle ({@link CommentingFromElsewhere}). */
    public boolean remote() {
        return author.equals(CommentingFromElsewhere.REMOTE);
    }

    public boolean approved() {
        return status == CommentStatus.APPROVED;
    }

    /** Whether this person may still edit it at {@code now}: the author, within the window, unless it was refused. */
    public boolean editableBy(UUID account, Instant now) {
        return account != null
                && account.equals(author.value())
                && (status == CommentStatus.APPROVED || status == CommentStatus.PENDING)
                && now.isBefore(createdAt.plus(EDIT_WINDOW));
    }

    /** The body's lines, so pages can keep the author's line breaks while escaping the text. */
    public List<String> lines() {
        return body.lines().toList();
    }
}
