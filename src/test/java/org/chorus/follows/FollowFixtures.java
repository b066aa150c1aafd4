package org.chorus.follows;

import static org.chorus.support.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.shared.i18n.Language;
import org.chorus.statements.ReviewingStatements;
import org.chorus.statements.Signatory;
import org.chorus.statements.Statement;
import org.chorus.statements.StatementDraft;
import org.chorus.statements.StatementId;
import org.chorus.statements.StatementPublished;
import org.chorus.statements.WritingStatements;
import org.chorus.support.Html;
import org.chorus.support.TestMail;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Followers made the way people become followers (the form, or the use case behind it; the letter; the link), and
 * statements with topics.
 */
@TestComponent
@Lazy // made on first use: a module test's context may lack the modules it needs (see ChorusModuleTest)
public class FollowFixtures {

    private final WritingStatements writing;
    private final ReviewingStatements reviewing;
    private final Following following;
    private final EventPublicationRegistry publications;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final org.chorus.support.TestClock clock;

    FollowFixtures(
            WritingStatements writing,
            ReviewingStatements reviewing,
            Following following,
            EventPublicationRegistry publications,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            org.chorus.support.TestClock clock) {
        this.writing = writing;
        this.reviewing = reviewing;
        this.following = following;
        this.publications = publications;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Moves the shared clock once the outbox has nothing in flight: a jump while a message is being delivered would
     * end its sender's lease and put the message back for a retry half a minute later. After 25 s it moves the clock
     * anyway: the outbox is shared by every test, and another test's messages may keep it busy.
     */
    public void advance(java.time.Duration by) {
        try {
            eventually("the outbox has nothing in flight")
                    .atMost(java.time.Duration.ofSeconds(25))
                    .until(() -> !jdbc.sql("select exists (select 1 from email_outbox where status in ('claimed',"
                                    + " 'sending') or (status = 'queued' and not_before <= :now))")
                            .param("now", java.sql.Timestamp.from(clock.instant()))
                            .query(Boolean.class)
                            .single());
        } catch (ConditionTimeoutException busy) {
            // moved all the same, as said above
        }
        clock.advance(by);
    }

    /**
     * Waits until followers have been told of a published statement: {@link NotifyingFollowers} runs after the commit
     * on another thread, and the statement's event publication leaves the registry once it has finished.
     */
    public void awaitNotices(StatementId statement) {
        eventually("followers told of statement " + statement.value())
                .until(() -> publication(statement).isEmpty());
    }

    /** The publication of the statement to {@link NotifyingFollowers} while it is incomplete (not yet run, or failed). */
    Optional<TargetEventPublication> publication(StatementId statement) {
        return publications.findIncompletePublications().stream()
                .filter(p -> p.getEvent() instanceof StatementPublished published
                        && published.statement().equals(statement))
                .filter(p -> p.getTargetIdentifier().getValue().startsWith(NotifyingFollowers.class.getName()))
                .findFirst();
    }

    /**
     * Follows through the use case the form calls and confirms through the link in the letter, for tests of what
     * followers get that need no page.
     */
    public void follow(
            String email, String param, String value, String language, String frequency, boolean includeChildren) {
        int before = TestMail.to(email).size();
        var target = param.equals("organization")
                ? FollowTarget.of(following.organization(value).id())
                : following.topic(value);
        following.follow(new Following.Request(
                email,
                target,
                Language.byTag(language).orElseThrow(),
                Frequency.parse(frequency).orElseThrow(),
                includeChildren,
                "192.0.2.20"));
        var confirmation = TestMail.await(email, before + 1).get(before);
        following.confirm(FollowMail.link(confirmation, "/follows/confirm/").substring("/follows/confirm/".length()));
    }

    /**
     * Asks to follow through the form and confirms through the link in the letter; returns the path of the follow's
     * preferences page (the confirmation page links to it).
     */
    public String follow(
            MockMvc mvc,
            String email,
            String param,
            String value,
            String language,
            String frequency,
            boolean includeChildren)
            throws Exception {
        int before = TestMail.to(email).size();
        ask(mvc, email, param, value, language, frequency, includeChildren);
        var confirmation = TestMail.await(email, before + 1).get(before);
        var path = FollowMail.link(confirmation, "/follows/confirm/");
        var page = mvc.perform(post(path).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the link to the follow's preferences page
        return Html.first(page, "a[href~=^/follows/[0-9a-f-]{36}/[A-Za-z0-9_-]+$]")
                .attr("href");
    }

    public void ask(
            MockMvc mvc,
            String email,
            String param,
            String value,
            String language,
            String frequency,
            boolean includeChildren)
            throws Exception {
        mvc.perform(post("/follow")
                        .with(csrf())
                        .param(param, value)
                        .param("email", email)
                        .param("language", language)
                        .param("frequency", frequency)
                        .param("includeChildren", String.valueOf(includeChildren)))
                .andExpect(status().isOk());
    }

    public Statement publish(Actor owner, Organization issuer, String language, String title, String topics) {
        var draft = writing.draft(
                owner,
                issuer.id(),
                new StatementDraft(
                        language,
                        title,
                        "What we ask for",
                        "We, the undersigned, ask for " + title + ".",
                        null, // dated the day it goes online, so the newest fixture is the newest everywhere
                        "Nairobi",
                        topics,
                        false,
                        List.of(),
                        List.of(new Signatory("Amina Njeri", "Chairperson", issuer.name()))));
        return reviewing.approve(owner, draft.id(), null);
    }
}
