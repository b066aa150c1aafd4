package org.chorus.statements;

import java.util.List;
import org.chorus.accounts.AccountId;
import org.chorus.organizations.OrganizationId;
import org.jspecify.annotations.Nullable;

/**
 * Published when a statement becomes public, by whichever path; followers, feeds and federation listen to it.
 * {@code kind} says what kind of news it is, so a listener can tell people only what is new to them. {@code by} is the
 * person whose approval (or republication, or import) made it public now; null when it went public at the time a
 * publisher had scheduled.
 */
public record StatementPublished(
        StatementId statement,
        OrganizationId issuer,
        String language,
        List<String> topics,
        Kind kind,
        @Nullable AccountId by)
        implements org.chorus.shared.web.PublicPagesChanged {

    /** What became public. */
    public enum Kind {
        /** A statement written here, approved by a publisher (now, or at its scheduled time). */
        ORIGINAL,
        /** Another organization's statement (here or elsewhere on the web), republished with attribution. */
        REPUBLICATION,
        /** A statement brought in by an import, public with its original, earlier date: not news. */
        IMPORT
    }
}
