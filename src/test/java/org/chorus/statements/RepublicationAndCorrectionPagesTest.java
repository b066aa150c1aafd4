package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What readers see of a republication that follows its original, and of a correction's history. */
@ChorusWebTest
class RepublicationAndCorrectionPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    WritingStatements writing;

    @Autowired
    ReviewingStatements reviewing;

    static final Signatory AMINA = new Signatory("Amina Njeri", "Chairperson", "Africa Chapter");
    static final Signatory KOFI = new Signatory("Kofi Mensah", "Treasurer", "");

    @Test
    void a_republication_shows_the_originals_date_co_issuers_and_signatures_and_says_it_follows_the_original()
            throws Exception {
        var issuer = fixtures.coalition();
        var cosigner = fixtures.coalition();
        var owner = ownerOf(issuer, cosigner);
        var original = publish(owner, issuer, "We call for public finance.", List.of(cosigner.slug()), List.of(AMINA));
        var republisher = fixtures.coalition();
        var copy = writing.republish(statements.ownerOf(republisher), republisher.id(), original.slug(), "Our intro.");

        var page = Html.parse(mvc.perform(get("/s/" + copy.slug()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(page.select(".attribution strong").text())
                .isEqualTo(
                        "First published by " + issuer.name() + " with " + cosigner.name() + " on October 20, 2023.");
        assertThat(page.select(".attribution .follows-original")).hasSize(1);
        assertThat(page.select(".statement-header .meta").text()).contains("Nairobi", "October 20, 2023");
        assertThat(page.select(".signatories .signatory-name").text()).isEqualTo("Amina Njeri");
        assertThat(page.select(".signatures .issuers").text()).isEqualTo(issuer.name() + " · " + cosigner.name());
    }

    @Test
    void the_arabic_page_of_a_republication_shows_the_originals_arabic_translation() throws Exception {
        var issuer = fixtures.coalition();
        var owner = statements.ownerOf(issuer);
        var original = publish(owner, issuer, "We call for public finance.", List.of(), List.of(AMINA));
        writing.translate(owner, original.id(), "ar", "تمويل عام", "", "ندعو إلى تمويل عام.", "Layla", true);
        var republisher = fixtures.coalition();
        var copy = writing.republish(statements.ownerOf(republisher), republisher.id(), original.slug(), null);

        mvc.perform(get("/s/" + copy.slug() + "/ar").header("Accept-Language", "ar"))
                .andExpect(status().isOk())
                .andExpect(Html.has("html[lang=ar][dir=rtl]"))
                .andExpect(Html.has("article.statement[lang=ar][dir=rtl] .statement-body:contains(ندعو إلى تمويل عام)"))
                .andExpect(Html.hasNo(".notice[role=note]"))
                .andExpect(Html.has(".statement-languages a[hreflang=ar][aria-current=true]"));
    }

    @Test
    void a_republisher_is_not_offered_to_edit_or_translate_words_that_follow_the_original() throws Exception {
        var issuer = fixtures.coalition();
        var original = publish(statements.ownerOf(issuer), issuer, "Text.", List.of(), List.of());
        var republisher = fixtures.coalition();
        var person = fixtures.person("owner");
        fixtures.grant(republisher, person, Role.OWNER);
        var copy = writing.republish(Actor.of(person), republisher.id(), original.slug(), null);

        mvc.perform(get("/s/" + copy.slug()).with(user(person)))
                .andExpect(Html.has(".statement-tools"))
                .andExpect(Html.hasNo(".statement-tools a[href$=/edit]"))
                .andExpect(Html.hasNo(".statement-tools a[href$=/translate]"));
        mvc.perform(get("/s/" + copy.slug() + "/edit").with(user(person))).andExpect(status().isConflict());
    }

    @Test
    void the_changes_page_shows_words_signatories_and_co_issuers_as_readers_see_them() throws Exception {
        var issuer = fixtures.coalition();
        var partner = fixtures.coalition();
        var owner = ownerOf(issuer, partner);
        var s = publish(owner, issuer, "We demand [cuts](https://example.org/report) now.", List.of(), List.of(AMINA));
        correct(
                owner,
                s,
                "We demand [deep cuts](https://example.org/report) now.",
                List.of(partner.slug()),
                List.of(KOFI));

        var page = Html.parse(mvc.perform(get("/s/" + s.slug() + "/revisions/1/2"))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(page.select(".diff ins").eachText()).containsExactly("deep");
        assertThat(page.select(".diff").text()).doesNotContain("https://example.org", "](");
        assertThat(page.select(".diff-signatories del").text()).isEqualTo("Amina Njeri, Chairperson, Africa Chapter");
        assertThat(page.select(".diff-signatories ins").text()).isEqualTo("Kofi Mensah, Treasurer");
        assertThat(page.select(".diff-cosigners ins").text()).isEqualTo(partner.name());
    }

    @Test
    void the_versions_list_shows_date_and_time_and_names_who_made_them_only_to_the_organizations_people()
            throws Exception {
        var issuer = fixtures.coalition();
        var person = fixtures.person(Fixtures.unique("Wanjiru"));
        fixtures.grant(issuer, person, Role.OWNER);
        var owner = Actor.of(person);
        var s = publish(owner, issuer, "Text.", List.of(), List.of());
        correct(owner, s, "Better text.", List.of(), List.of());

        var forMembers =
                Html.parse(mvc.perform(get("/s/" + s.slug() + "/revisions").with(user(person)))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(forMembers.select(".revision-by").eachText())
                .containsOnly("by " + person.displayName())
                .hasSize(2);

        var forThePublic = Html.parse(mvc.perform(get("/s/" + s.slug() + "/revisions"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(forThePublic.select(".revision-by").eachText())
                .containsOnly("by an editor of " + issuer.name())
                .hasSize(2);
        assertThat(forThePublic.text()).doesNotContain(person.displayName());
        assertThat(forThePublic.select(".revisions time").first().text()).matches(".*\\d{1,2}:\\d{2}.* UTC");
    }

    private Actor ownerOf(Organization first, Organization second) {
        var person = fixtures.person("owner");
        fixtures.grant(first, person, Role.OWNER);
        fixtures.grant(second, person, Role.OWNER);
        return Actor.of(person);
    }

    private Statement publish(
            Actor owner, Organization org, String body, List<String> cosigners, List<Signatory> signatories) {
        var draft = writing.draft(
                owner,
                org.id(),
                new StatementDraft(
                        "en",
                        Fixtures.unique("Finance"),
                        "",
                        body,
                        "2023-10-20",
                        "Nairobi",
                        "",
                        false,
                        cosigners,
                        signatories));
        return reviewing.approve(owner, draft.id(), null);
    }

    private void correct(Actor owner, Statement s, String body, List<String> cosigners, List<Signatory> signatories)
            throws Exception {
        var title = titleOf(s);
        writing.edit(
                owner,
                s.id(),
                new StatementDraft("en", title, "", body, "2023-10-20", "Nairobi", "", false, cosigners, signatories),
                "Corrected");
    }

    private String titleOf(Statement s) throws Exception {
        return Html.parse(mvc.perform(get("/s/" + s.slug())).andReturn())
                .select("h1")
                .text();
    }
}
