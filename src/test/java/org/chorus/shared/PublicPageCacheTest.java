package org.chorus.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.chorus.comments.CommentFixtures;
import org.chorus.statements.StatementDraft;
import org.chorus.statements.StatementFixtures;
import org.chorus.statements.WritingStatements;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.QueryCounter;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class PublicPageCacheTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    WritingStatements writing;

    @Autowired
    org.chorus.accounts.ApiTokens tokens;

    @Autowired
    CommentFixtures comments;

    @Autowired
    org.chorus.statements.ReviewingStatements reviewing;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void a_public_page_is_served_again_without_queries_with_an_etag_and_304_when_unchanged() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "en", Fixtures.unique("Cached"), "First words.");
        var first = mvc.perform(get("/s/" + s.slug()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "public, no-cache"))
                .andExpect(header().exists("Last-Modified"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")))
                .andReturn()
                .getResponse();
        var etag = first.getHeader("ETag");
        assertThat(etag).isNotBlank();

        QueryCounter.reset();
        mvc.perform(get("/s/" + s.slug()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", etag))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")))
                .andExpect(content().string(first.getContentAsString()));
        assertThat(QueryCounter.count()).as("served from the cache").isZero();
        mvc.perform(get("/actuator/prometheus")
                        .header(
                                "Authorization",
                                "Bearer " + tokens.create(fixtures.admin().email(), "m")))
                .andExpect(content()
                        .string(Matchers.allOf(
                                Matchers.containsString(
                                        "chorus_page_cache_total{application=\"chorus\",result=\"hit\"}"),
                                Matchers.containsString(
                                        "chorus_page_cache_total{application=\"chorus\",result=\"wait\"}"),
                                Matchers.containsString(
                                        "chorus_page_cache_total{application=\"chorus\",result=\"stale\"}"))));
        mvc.perform(get("/s/" + s.slug()).header("If-None-Match", etag)).andExpect(status().isNotModified());
    }

    @Test
    void a_public_page_varies_by_language_and_cookie_when_rendered_served_from_memory_or_not_modified()
            throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "en", Fixtures.unique("Varying"), "Words.");
        var miss = mvc.perform(get("/s/" + s.slug())).andReturn().getResponse();
        var hit = mvc.perform(get("/s/" + s.slug())).andReturn().getResponse();
        var notModified = mvc.perform(get("/s/" + s.slug()).header("If-None-Match", miss.getHeader("ETag")))
                .andReturn()
                .getResponse();
        var signedIn = mvc.perform(get("/s/" + s.slug()).with(user(fixtures.person("reader"))))
                .andReturn()
                .getResponse();

        assertThat(List.of(miss.getStatus(), hit.getStatus(), notModified.getStatus(), signedIn.getStatus()))
                .containsExactly(200, 200, 304, 200);
        for (var response : List.of(miss, hit, notModified, signedIn)) {
            assertThat(String.join(", ", response.getHeaders("Vary")))
                    .contains("Accept-Language")
                    .contains("Cookie");
        }
        assertThat(hit.getHeaders("Vary")).hasSameSizeAs(miss.getHeaders("Vary"));
    }

    @Test
    void the_pages_that_say_they_are_public_are_kept_and_no_other() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = comments.published(owner, org, true);
        var kept = List.of(
                "/",
                "/s/" + s.slug(),
                "/s/" + s.slug() + "/fr",
                "/s/" + s.slug() + "/revisions",
                "/s/" + s.slug() + "/revisions/1/1",
                "/s/" + s.slug() + "/comments",
                "/statements?organization=" + org.slug()
                        + "&topic=climate&language=en&from=2026-01-01&to=2026-12-31&page=1",
                "/o/" + org.slug(),
                "/o/" + org.slug() + "/statements?page=1",
                "/statements.atom?organization=" + org.slug() + "&topic=climate&language=en");
        for (var path : kept) {
            mvc.perform(get(path)).andExpect(status().isOk()).andExpect(header().exists("ETag"));
            QueryCounter.reset();
            mvc.perform(get(path)).andExpect(status().isOk());
            assertThat(QueryCounter.count())
                    .as("%s served from the cache", path)
                    .isZero();
        }
        // pages whose handlers do not say they are public, some of them answered to anonymous readers with 200
        var notKept = List.of(
                "/search?q=climate",
                "/statements?q=climate",
                "/s/" + s.slug() + "/comments/guest",
                "/login",
                "/o/" + org.slug() + "/statements/manage",
                "/o/" + org.slug() + "/comments");
        for (var path : notKept) {
            mvc.perform(get(path)).andExpect(header().doesNotExist("ETag"));
        }
        mvc.perform(get("/search?q=climate")).andExpect(status().isOk());
        QueryCounter.reset();
        mvc.perform(get("/search?q=climate")).andExpect(status().isOk()).andExpect(header().doesNotExist("ETag"));
        assertThat(QueryCounter.count()).as("search is run again").isPositive();
    }

    @Test
    void made_up_parameters_and_malformed_language_cookies_neither_fill_the_cache_nor_break_pages() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "en", Fixtures.unique("Params"), "Words.");
        mvc.perform(get("/s/" + s.slug()).param("utm_source", "x"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("ETag"));
        mvc.perform(get("/s/" + s.slug()).cookie(new jakarta.servlet.http.Cookie("chorus_lang", "a.b")))
                .andExpect(status().isOk())
                .andExpect(Html.has("html[lang=en]"));
        // a page number whose OFFSET would overflow is refused with a message (decision 0025), not a server error
        mvc.perform(get("/statements").param("page", "107374184"))
                .andExpect(status().isBadRequest())
                .andExpect(header().doesNotExist("ETag"));
    }

    @Test
    void a_correction_is_visible_at_once_with_a_new_etag() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "en", Fixtures.unique("Changing"), "Old words.");
        var etag = mvc.perform(get("/s/" + s.slug())).andReturn().getResponse().getHeader("ETag");
        writing.edit(
                owner,
                s.id(),
                new StatementDraft("en", "Changing", "", "New words.", null, null, null, false, List.of(), List.of()),
                "reworded");
        mvc.perform(get("/s/" + s.slug()).header("If-None-Match", etag))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", Matchers.not(etag)))
                .andExpect(content().string(Matchers.containsString("New words.")));
    }

    @Test
    void a_retraction_drops_every_kept_page_so_none_is_served_stale_while_pages_render_again() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "en", Fixtures.unique("Retracted"), "Words we take back.");
        mvc.perform(get("/s/" + s.slug())).andExpect(status().isOk());
        assertThat(meters.get("chorus.page.cache.bytes").gauge().value()).isPositive();

        reviewing.retract(owner, s.id(), "We were wrong.");

        assertThat(meters.get("chorus.page.cache.bytes").gauge().value()).isZero();
        mvc.perform(get("/s/" + s.slug())).andExpect(content().string(Matchers.containsString("We were wrong.")));
    }

    @Test
    void pages_for_signed_in_people_or_in_another_language_are_never_shared() throws Exception {
        var org = fixtures.coalition();
        var owner = statements.ownerOf(org);
        var s = statements.published(owner, org, "en", Fixtures.unique("Private view"), "Words.");
        mvc.perform(get("/s/" + s.slug()).header("Accept-Language", "en")).andExpect(status().isOk());
        // a signed-in browser always carries its session cookie, which makes the cache step aside
        mvc.perform(get("/s/" + s.slug())
                        .with(user(fixtures.person("reader")))
                        .cookie(new jakarta.servlet.http.Cookie("chorus_session", "signed-in")))
                .andExpect(content().string(Matchers.containsString("Sign out")));
        mvc.perform(get("/s/" + s.slug()).header("Accept-Language", "en"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Sign out"))));
        mvc.perform(get("/s/" + s.slug()).header("Accept-Language", "fr")).andExpect(Html.has("html[lang=fr]"));
    }
}
