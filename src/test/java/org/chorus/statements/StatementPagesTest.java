package org.chorus.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.util.HashSet;
import org.chorus.organizations.OrganizationKind;
import org.chorus.organizations.Role;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class StatementPagesTest {

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

    @Test
    void a_draft_statement_is_invisible_to_the_public_until_published() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var draft = statements.draft(owner, org, "en", Fixtures.unique("Draft"), "Not yet.");
        mvc.perform(get("/s/" + draft.slug())).andExpect(status().isNotFound());
        mvc.perform(get("/s/" + draft.slug()).with(user(fixtures.person("stranger"))))
                .andExpect(status().isNotFound());
        reviewing.approve(owner, draft.id(), null);
        mvc.perform(get("/s/" + draft.slug())).andExpect(status().isOk());
    }

    @Test
    void a_published_statement_page_carries_its_signatures_and_meta_for_sharing() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var title = Fixtures.unique("Finance now");
        var s = statements.published(
                owner, org, "en", title, "We call for **public** finance.\n\n<script>alert(1)</script>");
        mvc.perform(get("/s/" + s.slug()))
                .andExpect(status().isOk())
                .andExpect(Html.has("strong:matchesOwn(^public$)"))
                .andExpect(Html.hasNo("script:containsData(alert)"))
                .andExpect(content().string(Matchers.containsString("Amina Njeri")))
                .andExpect(Html.has("meta[property=og:title][content='" + title + "']"))
                .andExpect(Html.has("script[type=application/ld+json]:containsData(\"@type\":\"NewsArticle\")"))
                .andExpect(Html.has("link[rel=canonical]"))
                .andExpect(Html.has("link[type='application/atom+xml']"));
    }

    @Test
    void a_missing_translation_falls_back_to_the_original_with_a_notice_and_arabic_reads_right_to_left()
            throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "en", Fixtures.unique("Housing"), "Housing is a right.");
        mvc.perform(get("/s/" + s.slug() + "/fr").header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Housing is a right.")))
                .andExpect(Html.has(".notice[role=note]"));

        writing.translate(owner, s.id(), "ar", "السكن حق", "", "السكن حق للجميع.", "Layla", true);
        mvc.perform(get("/s/" + s.slug() + "/ar"))
                .andExpect(status().isOk())
                .andExpect(Html.has("article.statement[lang=ar][dir=rtl]"))
                .andExpect(content().string(Matchers.containsString("السكن حق للجميع.")))
                .andExpect(content().string(Matchers.containsString("Layla")));
        mvc.perform(get("/s/" + s.slug()))
                .andExpect(Html.has("link[rel=alternate][hreflang=ar][href='http://localhost/s/" + s.slug() + "/ar']"))
                .andExpect(Html.has("link[rel=alternate][hreflang=en]"));
    }

    @Test
    void a_draft_translation_is_not_shown_to_readers() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "en", Fixtures.unique("Water"), "Water is life.");
        writing.translate(owner, s.id(), "es", "El agua", "", "El agua es vida.", null, false);
        mvc.perform(get("/s/" + s.slug() + "/es"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("El agua es vida."))));
    }

    @Test
    void a_correction_shows_corrected_on_and_the_words_that_changed() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "en", Fixtures.unique("Targets"), "We demand 50 percent cuts.");
        writing.edit(
                owner,
                s.id(),
                new StatementDraft(
                        "en",
                        "Targets",
                        "",
                        "We demand 60 percent cuts.",
                        null,
                        null,
                        null,
                        false,
                        java.util.List.of(),
                        java.util.List.of()),
                "The figure was wrong");
        mvc.perform(get("/s/" + s.slug())).andExpect(content().string(Matchers.containsString("Corrected on")));
        mvc.perform(get("/s/" + s.slug() + "/revisions"))
                .andExpect(content().string(Matchers.containsString("The figure was wrong")));
        mvc.perform(get("/s/" + s.slug() + "/revisions/1/2"))
                .andExpect(status().isOk())
                .andExpect(Html.has("del:matchesOwn(^50$)"))
                .andExpect(Html.has("ins:matchesOwn(^60$)"));
    }

    @Test
    void a_retracted_statement_stays_at_its_address_with_a_notice() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "en", Fixtures.unique("Old"), "Old position.");
        reviewing.retract(owner, s.id(), "Replaced by a newer statement");
        mvc.perform(get("/s/" + s.slug()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("This statement was retracted on")))
                .andExpect(content().string(Matchers.containsString("Replaced by a newer statement")));
    }

    @Test
    void a_republication_credits_the_original_and_the_original_names_who_republished_it() throws Exception {
        var coalition = fixtures.coalition();
        var chapter = fixtures.below(coalition, OrganizationKind.CHAPTER);
        var coalitionOwner = statements.ownerOf(coalition);
        var chapterOwner = statements.ownerOf(chapter);
        var original = statements.published(coalitionOwner, coalition, "en", Fixtures.unique("Joint call"), "Act now.");
        var copy = writing.republish(chapterOwner, chapter.id(), original.slug(), "Our chapter endorses this call.");
        assertThat(copy.isPublic()).isTrue();
        mvc.perform(get("/s/" + copy.slug()))
                .andExpect(content().string(Matchers.containsString("First published by " + coalition.name())))
                .andExpect(content().string(Matchers.containsString("Our chapter endorses this call.")))
                .andExpect(Html.has("link[rel=canonical][href='http://localhost/s/" + original.slug() + "']"));
        mvc.perform(get("/s/" + original.slug()))
                .andExpect(content().string(Matchers.containsString("Also published by:")))
                .andExpect(Html.has("a[href='/s/" + copy.slug() + "']"));
    }

    @Test
    void a_statement_from_another_website_is_republished_with_a_canonical_link_to_it() throws Exception {
        var org = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(org, owner, Role.OWNER);
        var title = Fixtures.unique("Tenants unite");
        var location = mvc.perform(post("/o/" + org.slug() + "/statements/republish-url")
                        .with(user(owner))
                        .with(csrf())
                        .param("url", "https://tenants.example.org/statement")
                        .param("publisher", "Tenants Union")
                        .param("publishedOn", "2026-10-01")
                        .param("language", "en")
                        .param("title", title)
                        .param("body", "Rents must fall."))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(location))
                .andExpect(content()
                        .string(Matchers.containsString("First published by Tenants Union on October 1, 2026")))
                .andExpect(Html.has("link[rel=canonical][href='https://tenants.example.org/statement']"));
        mvc.perform(post("/o/" + org.slug() + "/statements/republish-url")
                        .with(user(owner))
                        .with(csrf())
                        .param("url", "javascript:alert(1)")
                        .param("publisher", "X")
                        .param("language", "en")
                        .param("title", "T")
                        .param("body", "B"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#url-error"));
    }

    @Test
    void the_coalition_list_filters_by_organization_topic_and_language_and_pages() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var first = statements.published(owner, org, "en", Fixtures.unique("Alpha"), "One.");
        var second = statements.published(owner, org, "fr", Fixtures.unique("Beta"), "Deux.");
        mvc.perform(get("/statements").param("organization", org.slug()))
                .andExpect(content().string(Matchers.containsString("/s/" + first.slug())))
                .andExpect(content().string(Matchers.containsString("/s/" + second.slug())));
        mvc.perform(get("/statements").param("organization", org.slug()).param("language", "fr"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/s/" + first.slug()))))
                .andExpect(content().string(Matchers.containsString("/s/" + second.slug())));
        mvc.perform(get("/statements").param("topic", "climate-finance").param("organization", org.slug()))
                .andExpect(content().string(Matchers.containsString("/s/" + first.slug())));
        mvc.perform(get("/statements").param("from", "not-a-date")).andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/statements").param("organization", org.slug()).param("page", "50"))
                .andExpect(content().string(Matchers.containsString("No statement matches.")));
    }

    @Test
    void the_atom_feed_is_valid_with_unique_ids_dates_and_links() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        statements.published(owner, org, "en", Fixtures.unique("Feed one"), "One.");
        statements.published(owner, org, "en", Fixtures.unique("Feed two"), "Two & <b>three</b>.");
        var xml = mvc.perform(get("/statements.atom").param("organization", org.slug()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var feed = (Feed) new WireFeedInput().build(new StringReader(xml));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).startsWith("http://localhost/statements.atom");
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getOtherLinks()).anySatisfy(l -> assertThat(l.getRel()).isEqualTo("self"));
        assertThat(feed.getEntries()).hasSize(2);
        var ids = new HashSet<String>();
        for (var entry : feed.getEntries()) {
            assertThat(ids.add(entry.getId())).as("unique id %s", entry.getId()).isTrue();
            assertThat(entry.getUpdated()).isNotNull();
            assertThat(entry.getAlternateLinks())
                    .singleElement()
                    .satisfies(l -> assertThat(l.getHref()).startsWith("http://localhost/s/"));
            assertThat(entry.getAuthors())
                    .singleElement()
                    .satisfies(a -> assertThat(a.getName()).isEqualTo(org.name()));
        }
        mvc.perform(get("/statements.atom").param("organization", "no-such-org"))
                .andExpect(status().isNotFound());
    }

    @Test
    void search_finds_words_in_each_language_without_accents_ranks_titles_first_and_highlights() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var tag = Fixtures.unique("zq").replace("-", "");
        var inTitle = statements.published(
                owner, org, "en", "Adaptation finance " + tag, "Money for adaptation " + tag + ".");
        var inBody = statements.published(
                owner, org, "en", "Other title " + tag, "Some words about adaptation and " + tag + ".");
        var french = statements.published(
                owner, org, "fr", "Réseaux énergétiques " + tag, "Les coopératives énergétiques " + tag + ".");
        var spanish =
                statements.published(owner, org, "es", "Viviendas dignas " + tag, "Exigimos viviendas " + tag + ".");
        var arabic =
                statements.published(owner, org, "ar", "العدالة المناخية " + tag, "نطالب بالعدالة المناخية " + tag);

        var page = Html.parse(
                mvc.perform(get("/search").param("q", "adapting " + tag)).andReturn());
        assertThat(page.select("h2 a").eachAttr("href"))
                .as("title match ranks first")
                .containsSubsequence("/s/" + inTitle.slug(), "/s/" + inBody.slug());
        assertThat(page.select("mark")).isNotEmpty();
        mvc.perform(get("/search").param("q", "energetique " + tag))
                .andExpect(content().string(Matchers.containsString("/s/" + french.slug())));
        mvc.perform(get("/search").param("q", "vivienda " + tag))
                .andExpect(content().string(Matchers.containsString("/s/" + spanish.slug())));
        mvc.perform(get("/search").param("q", "المناخية " + tag))
                .andExpect(content().string(Matchers.containsString("/s/" + arabic.slug())));
        mvc.perform(get("/search").param("q", "\"unbalanced OR -(" + tag)).andExpect(status().isOk());
    }

    @Test
    void a_word_near_the_start_or_deep_in_a_long_text_is_highlighted_in_its_snippet() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var tag = Fixtures.unique("zr").replace("-", "");
        var filler = "Housing cooperatives keep rents fair for every tenant. ".repeat(60);
        var early = statements.published(owner, org, "en", "Early " + tag, tag + " opens the text. " + filler);
        var deep = statements.published(owner, org, "en", "Deep " + tag, filler + "Only here: " + tag + " closes it.");
        // the snippet's window is placed where a word starting as the query's lexeme first appears; when that guess
        // is wrong (a word sharing the start, far before the match) or finds nothing, the whole text is looked at
        var lookalike = tag.substring(0, tag.length() - 1) + "q";
        var misled = statements.published(
                owner, org, "en", "Misled " + tag, filler + lookalike + " differs. " + filler + "Only here: " + tag);

        var page = Html.parse(mvc.perform(get("/search").param("q", tag)).andReturn());

        for (var statement : java.util.List.of(early, deep, misled)) {
            var item = page.select(".statement-item:has(a[href=/s/" + statement.slug() + "])");
            assertThat(item.select("mark").eachText())
                    .as(statement.slug())
                    .isNotEmpty()
                    .allSatisfy(marked -> assertThat(marked).isEqualToIgnoringCase(tag));
        }
        assertThat(page.select(".statement-item:has(a[href=/s/" + deep.slug() + "])")
                        .text())
                .contains("Only here: " + tag);
        assertThat(page.select(".statement-item:has(a[href=/s/" + misled.slug() + "])")
                        .text())
                .contains("Only here: " + tag);

        // accent-insensitive: the text's word has an accent the query lacks, so no word of the text starts as the
        // query's lexeme, and the match is still found and highlighted deep in the text
        var letters = tag.chars()
                .map(c -> Character.isDigit(c) ? 'g' + c - '0' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString(); // words with digits are not searched accent-insensitively
        var accented = "zé" + letters;
        var withAccent = statements.published(owner, org, "en", "Accent " + tag, filler + "Only here: " + accented);
        var accentPage = Html.parse(
                mvc.perform(get("/search").param("q", "ze" + letters)).andReturn());
        var item = accentPage.select(".statement-item:has(a[href=/s/" + withAccent.slug() + "])");
        assertThat(item.select("mark").eachText()).containsExactly(accented);

        // a phrase deep in the text: the window is placed where its words follow each other
        var phrasePage = Html.parse(
                mvc.perform(get("/search").param("q", "\"" + tag + " closes\"")).andReturn());
        assertThat(phrasePage
                        .select(".statement-item:has(a[href=/s/" + deep.slug() + "]) mark")
                        .eachText())
                .contains(tag);

        // a match in the title alone: the body has nothing to highlight, its beginning is shown
        var titled = statements.published(owner, org, "en", "Titled " + tag, filler);
        var titledItem = Html.parse(mvc.perform(get("/search").param("q", tag)).andReturn())
                .select(".statement-item:has(a[href=/s/" + titled.slug() + "])");
        assertThat(titledItem.select("mark")).isEmpty();
        assertThat(titledItem.select("p[dir]").text()).startsWith("Housing cooperatives keep rents fair");
    }

    @Test
    void a_search_of_stop_words_punctuation_another_script_or_a_thousand_characters_finds_nothing_and_says_so()
            throws Exception {
        for (var q : java.util.List.of(
                "the and of", "«»!?— …", "\"\"", "съешь жёлтых", "-", "w".repeat(1000), "qzx wvq ".repeat(125))) {
            var page = Html.parse(mvc.perform(get("/search").param("q", q).param("lang", "en"))
                    .andExpect(status().isOk())
                    .andReturn());
            assertThat(page.select(".statement-item")).as(q).isEmpty();
            assertThat(page.text()).as(q).contains("Nothing found");
        }
    }

    @Test
    void in_each_language_a_match_in_the_title_ranks_above_a_match_in_the_text() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        record Case(String language, String titleWord, String query) {}
        for (var c : java.util.List.of(
                new Case("en", "Housing", "housing"),
                new Case("fr", "Logements", "logement"),
                new Case("es", "Viviendas", "vivienda"),
                new Case("ar", "المساكن", "المساكن"))) {
            var tag = Fixtures.unique("rk").replace("-", "");
            var inTitle =
                    statements.published(owner, org, c.language(), c.titleWord() + " " + tag, "Texte " + tag + ".");
            var inBody =
                    statements.published(owner, org, c.language(), "Autre " + tag, c.titleWord() + " " + tag + ".");
            var page = mvc.perform(get("/search").param("q", c.query() + " " + tag))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page.indexOf("/s/" + inTitle.slug()))
                    .as("%s: the title match comes first", c.language())
                    .isPositive()
                    .isLessThan(page.indexOf("/s/" + inBody.slug()));
        }
    }

    @Test
    void the_editor_preview_is_sanitized_markdown() throws Exception {
        var person = fixtures.person("writer");
        mvc.perform(post("/statements/preview")
                        .with(user(person))
                        .with(csrf())
                        .param("body", "# Title\n\n[x](javascript:alert(1)) *ok*"))
                .andExpect(status().isOk())
                .andExpect(Html.has("em:matchesOwn(^ok$)"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("javascript:"))));
    }
}
