package org.chorus.comments;

import java.time.Duration;
import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.statements.ReviewingStatements;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementDraft;
import org.chorus.statements.WritingStatements;
import org.chorus.support.Fixtures;
import org.chorus.support.TestClock;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Lazy;

/** Statements open to comments, and comments sent as a person would: the form shown, then filled in unhurried. */
@TestComponent
@Lazy // made on first use: a module test's context may lack the modules it needs (see ChorusModuleTest)
public class CommentFixtures {

    private final WritingStatements writing;
    private final ReviewingStatements reviewing;
    private final Commenting commenting;
    private final FormStamps stamps;
    private final TestClock clock;

    CommentFixtures(
            WritingStatements writing,
            ReviewingStatements reviewing,
            Commenting commenting,
            FormStamps stamps,
            TestClock clock) {
        this.writing = writing;
        this.reviewing = reviewing;
        this.commenting = commenting;
        this.stamps = stamps;
        this.clock = clock;
    }

    public Statement draft(Actor owner, Organization issuer, boolean commentsEnabled) {
        return writing.draft(
                owner,
                issuer.id(),
                new StatementDraft(
                        "en",
                        Fixtures.unique("Open to comments"),
                        "",
                        "We want to hear from you.",
                        null,
                        null,
                        null,
                        commentsEnabled,
                        List.of(),
                        List.of()));
    }

    public Statement published(Actor owner, Organization issuer, boolean commentsEnabled) {
        return reviewing.approve(owner, draft(owner, issuer, commentsEnabled).id(), null);
    }

    /** A stamp for a form shown a few seconds ago. */
    public String stampFilledInUnhurried() {
        return stamps.issue(clock.instant().minus(Duration.ofSeconds(4)));
    }

    public SpamSignals person(String address) {
        return new SpamSignals("", stampFilledInUnhurried(), address);
    }

    public Comment post(Actor actor, Statement statement, CommentId parent, String body) {
        return commenting.post(actor, statement.slug(), parent, body, person("192.0.2.10"));
    }
}
