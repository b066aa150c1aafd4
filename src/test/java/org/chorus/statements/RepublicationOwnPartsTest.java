package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.chorus.accounts.ChorusUser;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A republication follows its original's words, but its introduction and topics stay the republisher's to change. */
@ChorusWebTest
class RepublicationOwnPartsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    WritingStatements writing;

    @Test
    void the_republisher_changes_its_introduction_and_topics_and_the_copy_still_follows_the_original()
            throws Exception {
        var issuer = fixtures.coalition();
        var owner = statements.ownerOf(issuer);
        var original = statements.published(owner, issuer, "en", Fixtures.unique("Finance"), "We call for finance.");
        var republisher = fixtures.coalition();
        var publisher = fixtures.person("owner");
        fixtures.grant(republisher, publisher, Role.OWNER);
        var copy = writing.republish(Actor.of(publisher), republisher.id(), original.slug(), "Our old words.");

        mvc.perform(get("/s/" + copy.slug()).with(user(publisher)))
                .andExpect(Html.has(".statement-tools a[href='/s/" + copy.slug() + "/republication']"));
        mvc.perform(get("/s/" + copy.slug() + "/republication").with(user(publisher)))
                .andExpect(status().isOk())
                .andExpect(Html.has("textarea#introduction:containsOwn(Our old words.)"));
        mvc.perform(post("/s/" + copy.slug() + "/republication")
                        .with(user(publisher))
                        .with(csrf())
                        .param("introduction", "Why we carry this call.")
                        .param("topics", "Loss and damage, Debt relief"))
                .andExpect(redirectedUrl("/s/" + copy.slug()));
        writing.edit(
                owner,
                original.id(),
                new StatementDraft(
                        "en",
                        titleOf(original),
                        "",
                        "We call for public finance.",
                        null,
                        "Nairobi",
                        "climate finance",
                        false,
                        List.of(),
                        List.of()),
                "A word was missing.");

        var page = Html.parse(mvc.perform(get("/s/" + copy.slug()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.select(".attribution p[dir=auto]").text()).isEqualTo("Why we carry this call.");
        assertThat(page.select(".topics .tag").eachText()).containsExactly("Loss and damage", "Debt relief");
        assertThat(page.select(".statement-body").text()).isEqualTo("We call for public finance.");
        assertThat(page.text()).doesNotContain("Our old words.");
    }

    @Test
    void someone_without_a_role_in_the_republisher_may_not_change_its_introduction() throws Exception {
        var copy = aCopy();
        var stranger = fixtures.person("stranger");
        fixtures.grant(fixtures.coalition(), stranger, Role.OWNER);

        mvc.perform(post("/s/" + copy.slug() + "/republication")
                        .with(user(stranger))
                        .with(csrf())
                        .param("introduction", "Not ours to say."))
                .andExpect(status().isForbidden());
        mvc.perform(get("/s/" + copy.slug()).with(user(stranger))).andExpect(Html.hasNo("a[href$='/republication']"));
    }

    @Test
    void an_introduction_too_long_is_refused_with_the_fields_error_and_nothing_changes() throws Exception {
        var republisher = fixtures.coalition();
        var publisher = fixtures.person("owner");
        fixtures.grant(republisher, publisher, Role.OWNER);
        var copy = aCopyBy(republisher, publisher);

        mvc.perform(post("/s/" + copy.slug() + "/republication")
                        .with(user(publisher))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("introduction", "x".repeat(5001))
                        .param("topics", "Debt relief"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#introduction-error:containsOwn(at most 5,000 characters)"))
                .andExpect(Html.has("textarea#introduction[aria-invalid=true]"));
        mvc.perform(get("/s/" + copy.slug()))
                .andExpect(Html.has(".attribution p[dir=auto]:containsOwn(Our intro.)"))
                .andExpect(Html.hasNo(".topics .tag:containsOwn(Debt relief)"));
    }

    @Test
    void a_statement_that_follows_no_original_has_no_introduction_to_change_here() throws Exception {
        var issuer = fixtures.coalition();
        var writer = fixtures.person("editor");
        fixtures.grant(issuer, writer, Role.OWNER);
        var draft = statements.draft(Actor.of(writer), issuer, "en", Fixtures.unique("Own words"), "Text.");

        mvc.perform(get("/s/" + draft.slug() + "/republication").with(user(writer)))
                .andExpect(status().isConflict());
    }

    private Statement aCopy() {
        var republisher = fixtures.coalition();
        var publisher = fixtures.person("owner");
        fixtures.grant(republisher, publisher, Role.OWNER);
        return aCopyBy(republisher, publisher);
    }

    private Statement aCopyBy(Organization republisher, ChorusUser publisher) {
        var issuer = fixtures.coalition();
        var original = statements.published(
                statements.ownerOf(issuer), issuer, "en", Fixtures.unique("Finance"), "We call for finance.");
        return writing.republish(Actor.of(publisher), republisher.id(), original.slug(), "Our intro.");
    }

    private String titleOf(Statement s) throws Exception {
        return Html.parse(mvc.perform(get("/s/" + s.slug())).andReturn())
                .select("h1")
                .text();
    }
}
