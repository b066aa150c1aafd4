package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.util.List;
import org.chorus.organizations.RegisteringOrganizations;
import org.chorus.shared.InvalidField;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Topics read as written, languages are chosen by name, writers choose addresses, schedules use local time. */
@ChorusWebTest
class TopicsLanguagesAndAddressesTest {

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

    @Autowired
    RegisteringOrganizations registering;

    private Statement publishedWithTopics(String topics) {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var draft = writing.draft(
                owner,
                org.id(),
                new StatementDraft(
                        "en", Fixtures.unique("Topics"), "", "Text.", null, null, topics, false, List.of(), List.of()));
        return reviewing.approve(owner, draft.id(), null);
    }

    @Test
    void a_topic_reads_as_the_writer_wrote_it_on_the_page_in_the_list_the_feed_and_the_follow_form() throws Exception {
        var label = "Loss and damage " + Fixtures.unique("x").replaceAll("[^a-z0-9]", "");
        var s = publishedWithTopics(label);
        var slug = org.chorus.shared.Slug.suggest(label);

        var page = Html.parse(mvc.perform(get("/s/" + s.slug())).andReturn());
        var tag = page.selectFirst(".topics a.tag");
        assertThat(tag.text()).isEqualTo(label);
        assertThat(tag.attr("href")).isEqualTo("/statements?topic=" + slug);
        assertThat(page.selectFirst("script[type=application/ld+json]").data())
                .contains("\"keywords\":\"" + label + "\"");

        var list = Html.parse(mvc.perform(get("/statements")).andReturn());
        assertThat(list.select("select#f-topic option[value=" + slug + "]").text())
                .isEqualTo(label);

        var xml = mvc.perform(get("/statements.atom?topic=" + slug))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var feed = (Feed) new WireFeedInput().build(new StringReader(xml));
        var category = feed.getEntries().getFirst().getCategories().getFirst();
        assertThat(category.getTerm()).isEqualTo(slug);
        assertThat(category.getLabel()).isEqualTo(label);

        var follow = Html.parse(mvc.perform(get("/follow?topic=" + slug)).andReturn());
        assertThat(follow.selectFirst("h1").text()).contains(label);
    }

    @Test
    void the_language_fields_are_choices_named_in_the_readers_language() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "en", Fixtures.unique("Languages"), "Text.");
        var writer = fixtures.user(owner.account());

        var form = Html.parse(
                mvc.perform(get("/o/" + org.slug() + "/statements/new?lang=fr").with(user(writer)))
                        .andReturn());
        assertThat(form.select("select#language option[value=de]").text()).isEqualTo("allemand");
        assertThat(form.select("input#language")).isEmpty();

        var translate = Html.parse(
                mvc.perform(get("/s/" + s.slug() + "/translate?lang=ar").with(user(writer)))
                        .andReturn());
        assertThat(translate.select("select#language option[value=sw]").text()).isEqualTo("السواحلية");

        var search =
                Html.parse(mvc.perform(get("/search?q=x&language=es&lang=es")).andReturn());
        assertThat(search.select("select#s-language option[value=es][selected]").text())
                .isEqualTo("español");

        var list = Html.parse(mvc.perform(get("/statements?lang=en")).andReturn());
        assertThat(list.select("select#f-language option[value=fr]").text()).isEqualTo("French");
    }

    @Test
    void a_writer_chooses_the_address_of_a_draft_and_can_change_it_until_publication() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var writer = fixtures.user(owner.account());
        var chosen = Fixtures.unique("our-call").toLowerCase().replaceAll("[^a-z0-9]+", "-");

        mvc.perform(post("/o/" + org.slug() + "/statements/new")
                        .with(user(writer))
                        .with(csrf())
                        .param("language", "en")
                        .param("title", "A title that would make another address")
                        .param("body", "Text.")
                        .param("slug", chosen))
                .andExpect(redirectedUrl("/s/" + chosen));

        var edit = Html.parse(
                mvc.perform(get("/s/" + chosen + "/edit").with(user(writer))).andReturn());
        assertThat(edit.selectFirst("input#slug").val()).isEqualTo(chosen);

        var renamed = chosen + "-2026";
        mvc.perform(post("/s/" + chosen + "/edit")
                        .with(user(writer))
                        .with(csrf())
                        .param("language", "en")
                        .param("title", "A title")
                        .param("body", "Text.")
                        .param("slug", renamed))
                .andExpect(redirectedUrl("/s/" + renamed));
        mvc.perform(get("/s/" + renamed).with(user(writer))).andExpect(status().isOk());
        mvc.perform(get("/s/" + chosen).with(user(writer))).andExpect(status().isNotFound());
    }

    @Test
    void an_address_taken_or_malformed_is_refused_with_a_translated_message() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var writer = fixtures.user(owner.account());
        var taken = statements.draft(owner, org, "en", Fixtures.unique("Taken"), "Text.");

        var page = Html.parse(mvc.perform(post("/o/" + org.slug() + "/statements/new?lang=fr")
                        .with(user(writer))
                        .with(csrf())
                        .param("language", "en")
                        .param("title", "Another")
                        .param("body", "Text.")
                        .param("slug", taken.slug()))
                .andExpect(status().isUnprocessableContent())
                .andReturn());
        assertThat(page.selectFirst("#slug-error").text()).contains("déjà utilisée");

        mvc.perform(post("/o/" + org.slug() + "/statements/new")
                        .with(user(writer))
                        .with(csrf())
                        .param("language", "en")
                        .param("title", "Another")
                        .param("body", "Text.")
                        .param("slug", "Not A Slug!"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void the_address_of_a_published_statement_is_fixed() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "en", Fixtures.unique("Fixed"), "Text.");
        var draft = new StatementDraft("en", "Fixed", "", "Text.", null, null, null, false, List.of(), List.of());
        assertThatThrownBy(() -> writing.edit(owner, s.id(), draft, "typo", s.slug() + "-moved"))
                .isInstanceOf(InvalidField.class)
                .hasMessageContaining("statement.slug.fixed");
        var edit = Html.parse(mvc.perform(get("/s/" + s.slug() + "/edit").with(user(fixtures.user(owner.account()))))
                .andReturn());
        assertThat(edit.select("input#slug")).isEmpty();
    }

    @Test
    void publish_at_names_the_organizations_time_zone_and_the_scheduled_time_is_shown_in_it() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        registering.updateProfile(owner, org.id(), Fixtures.profile(org.name()), "America/Bogota");
        var writer = fixtures.user(owner.account());
        var draft = statements.draft(owner, org, "en", Fixtures.unique("Scheduled"), "Text.");

        var show = Html.parse(
                mvc.perform(get("/s/" + draft.slug()).with(user(writer))).andReturn());
        assertThat(show.selectFirst("#publishAt-hint").text()).contains("America/Bogota");
        assertThat(show.select("input[name=zone]")).isEmpty();

        mvc.perform(post("/s/" + draft.slug() + "/workflow/approve")
                        .with(user(writer))
                        .with(csrf())
                        .param("publishAt", "2031-05-01T09:30"))
                .andExpect(status().is3xxRedirection());
        var scheduled = Html.parse(
                mvc.perform(get("/s/" + draft.slug()).with(user(writer))).andReturn());
        assertThat(scheduled.selectFirst(".notice[role=status]").text())
                .contains("9:30")
                .contains("America/Bogota");

        var manage = Html.parse(mvc.perform(get("/o/" + org.slug() + "/manage").with(user(writer)))
                .andReturn());
        assertThat(manage.select("select#timeZone option[selected]").val()).isEqualTo("America/Bogota");
    }
}
