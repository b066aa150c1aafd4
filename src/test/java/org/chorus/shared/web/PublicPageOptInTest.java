package org.chorus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * Only what a handler declares as a {@link PublicPage} is ever kept, whatever its address; the filter and the marker
 * run here around a few handlers of this test, without the application.
 */
class PublicPageOptInTest {

    final AtomicInteger renders = new AtomicInteger();
    final TestClock clock = new TestClock();
    final PublicPageCache cache = new PublicPageCache(clock, new SimpleMeterRegistry());
    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Pages(renders))
            .addFilters(cache.publicPageCacheFilter(new FixedLocaleResolver(Locale.ENGLISH))
                    .getFilter())
            .addInterceptors(new PublicPageCache.Marker())
            .build();

    @RestController
    record Pages(AtomicInteger renders) {

        @GetMapping("/o/{slug}")
        @PublicPage
        String organization(@PathVariable String slug) {
            return "Page of " + slug + " #" + renders.incrementAndGet();
        }

        @GetMapping("/o/{slug}/members")
        @PublicPage
        String members(@PathVariable String slug) {
            return "Members of " + slug + " #" + renders.incrementAndGet();
        }

        @GetMapping("/o/{slug}/manage")
        String settings(@PathVariable String slug) {
            return "Settings of " + slug + " #" + renders.incrementAndGet();
        }

        @GetMapping("/list")
        @PublicPage(parameters = "page")
        String list(@RequestParam(defaultValue = "1") int page) {
            return "Page " + page + " #" + renders.incrementAndGet();
        }

        @GetMapping("/gone")
        @PublicPage
        String gone() {
            renders.incrementAndGet();
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_public_page_is_rendered_once_then_served_by_key_with_an_etag_and_304() throws Exception {
        var etag = mvc.perform(get("/o/greens"))
                .andExpect(content().string("Page of greens #1"))
                .andExpect(header().string("Cache-Control", "public, no-cache"))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        mvc.perform(get("/o/greens"))
                .andExpect(content().string("Page of greens #1"))
                .andExpect(header().string("ETag", etag));
        mvc.perform(get("/o/greens").header("If-None-Match", etag)).andExpect(status().isNotModified());
        mvc.perform(get("/o/reds")).andExpect(content().string("Page of reds #2"));
        assertThat(renders).hasValue(2);
    }

    @Test
    void a_page_whose_handler_does_not_say_it_is_public_is_never_kept_whatever_its_address() throws Exception {
        for (int i = 1; i <= 2; i++) {
            mvc.perform(get("/o/greens/manage"))
                    .andExpect(content().string("Settings of greens #" + i))
                    .andExpect(header().doesNotExist("ETag"))
                    .andExpect(header().doesNotExist("Cache-Control"));
        }
    }

    @Test
    void a_public_page_rendered_for_a_signed_in_person_is_not_kept() throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("amina", "secret", List.of()));
        mvc.perform(get("/o/greens"))
                .andExpect(content().string("Page of greens #1"))
                .andExpect(header().doesNotExist("ETag"));
        SecurityContextHolder.clearContext();
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #2"));
    }

    @Test
    void only_the_parameters_a_page_names_make_entries() throws Exception {
        mvc.perform(get("/list").param("page", "2")).andExpect(content().string("Page 2 #1"));
        mvc.perform(get("/list").param("page", "2")).andExpect(content().string("Page 2 #1"));
        mvc.perform(get("/list").param("page", "2").param("utm_source", "x"))
                .andExpect(content().string("Page 2 #2"))
                .andExpect(header().doesNotExist("ETag"));
        mvc.perform(get("/list").param("page", "2").param("utm_source", "x"))
                .andExpect(content().string("Page 2 #3"));
    }

    @Test
    void an_error_answer_is_not_kept() throws Exception {
        mvc.perform(get("/gone")).andExpect(status().isNotFound());
        mvc.perform(get("/gone")).andExpect(status().isNotFound());
        assertThat(renders).hasValue(2);
    }

    @Test
    void a_change_under_a_path_renders_again_the_pages_at_and_below_it_and_no_other() throws Exception {
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #1"));
        mvc.perform(get("/o/greens/members")).andExpect(content().string("Members of greens #2"));
        mvc.perform(get("/o/greensward")).andExpect(content().string("Page of greensward #3"));
        mvc.perform(get("/list").param("page", "2")).andExpect(content().string("Page 2 #4"));

        cache.onChangeUnder(() -> List.of("/o/greens"));

        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #5"));
        mvc.perform(get("/o/greens/members")).andExpect(content().string("Members of greens #6"));
        mvc.perform(get("/o/greensward")).andExpect(content().string("Page of greensward #3"));
        mvc.perform(get("/list").param("page", "2")).andExpect(content().string("Page 2 #4"));
        // rendered again once, then kept as before
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #5"));
        assertThat(renders).hasValue(6);
    }

    @Test
    void a_change_or_the_end_of_the_ttl_renders_the_page_again() throws Exception {
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #1"));
        cache.onChange(new PublicPagesChanged() {});
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #2"));
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #2"));
        clock.advance(PublicPageCache.TTL.plus(Duration.ofSeconds(1)));
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #3"));
    }
}
