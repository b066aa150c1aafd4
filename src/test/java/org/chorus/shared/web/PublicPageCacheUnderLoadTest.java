package org.chorus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorus.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * Many anonymous readers asking for the same page at once (decision 0026): one rendering per page, the others wait for
 * it or get the stale page, and nobody is left waiting when the rendering keeps nothing. The handlers of this test
 * stop at a gate the test opens, so "at once" is a state the test waits for, not a race.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PublicPageCacheUnderLoadTest {

    final TestClock clock = new TestClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final PublicPageCache cache = new PublicPageCache(clock, meters);
    final Pages pages = new Pages();
    final MockMvc mvc = MockMvcBuilders.standaloneSetup(pages)
            .addFilters(
                    PublicPageCacheUnderLoadTest::readersWhoWentAway,
                    cache.publicPageCacheFilter(new FixedLocaleResolver(Locale.ENGLISH))
                            .getFilter())
            .addInterceptors(new PublicPageCache.Marker())
            .build();
    final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

    {
        // longer than any of these tests, so a reader joins a rendering whenever it is under way; one test shortens it
        cache.wait = Duration.ofMinutes(5);
    }

    @RestController
    static final class Pages {

        final AtomicInteger renders = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);

        void close() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        private int render() throws InterruptedException {
            int number = renders.incrementAndGet();
            assertThat(gate.await(1, TimeUnit.MINUTES))
                    .as("the test opens the gate")
                    .isTrue();
            return number;
        }

        @GetMapping("/o/{slug}")
        @PublicPage
        String organization(@PathVariable String slug) throws InterruptedException {
            return "Page of " + slug + " #" + render();
        }

        @GetMapping("/broken")
        @PublicPage
        String broken() throws InterruptedException {
            render();
            throw new IllegalStateException("the database went away");
        }

        @GetMapping("/unavailable")
        @PublicPage
        String unavailable() throws InterruptedException {
            render();
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
        }

        @GetMapping("/gone")
        @PublicPage
        String gone() throws InterruptedException {
            render();
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }

        @GetMapping("/with-cookie")
        @PublicPage
        String withCookie(HttpServletResponse response) throws InterruptedException {
            response.addCookie(new Cookie("chorus_lang", "fr"));
            return "Langue #" + render();
        }

        @GetMapping("/o/{slug}/manage")
        String manage(@PathVariable String slug) throws InterruptedException {
            return "Settings of " + slug + " #" + render();
        }
    }

    /** A request with {@code X-Gone} comes from a reader who disconnected: writing its answer fails. */
    static void readersWhoWentAway(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (((HttpServletRequest) request).getHeader("X-Gone") == null) {
            chain.doFilter(request, response);
            return;
        }
        // as Tomcat does: the stream is there, writing to it fails
        var stream = new ServletOutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}
        };
        chain.doFilter(request, new HttpServletResponseWrapper((HttpServletResponse) response) {
            @Override
            public ServletOutputStream getOutputStream() {
                return stream;
            }
        });
    }

    @AfterEach
    void stopReaders() {
        pages.open();
        readers.shutdownNow();
    }

    Future<MvcResult> read(String path) {
        return readers.submit(() -> mvc.perform(get(path)).andReturn());
    }

    double counted(String result) {
        return meters.counter("chorus.page.cache", "result", result).count();
    }

    static String body(Future<MvcResult> reading) throws Exception {
        return reading.get().getResponse().getContentAsString();
    }

    @Test
    void readers_missing_the_same_page_at_once_wait_for_one_rendering_and_all_get_it() throws Exception {
        pages.close();
        var first = read("/o/greens");
        await().until(() -> pages.renders.get() == 1);
        var others = new ArrayList<Future<MvcResult>>();
        for (int i = 0; i < 7; i++) {
            others.add(read("/o/greens"));
        }
        await().until(() -> counted("wait") == 7);
        pages.open();

        var etag = first.get().getResponse().getHeader("ETag");
        assertThat(body(first)).isEqualTo("Page of greens #1");
        for (var other : others) {
            assertThat(body(other)).isEqualTo("Page of greens #1");
            assertThat(other.get().getResponse().getHeader("ETag")).isEqualTo(etag);
        }
        assertThat(pages.renders).hasValue(1);
        assertThat(counted("miss")).isEqualTo(1);
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #1"));
        assertThat(counted("hit")).isEqualTo(1);
    }

    @Test
    void a_reader_who_went_away_while_the_page_rendered_still_leaves_it_to_those_waiting() throws Exception {
        pages.close();
        var gone = readers.submit(
                () -> mvc.perform(get("/o/greens").header("X-Gone", "yes")).andReturn());
        await().until(() -> pages.renders.get() == 1);
        var other = read("/o/greens");
        await().until(() -> counted("wait") == 1);
        pages.open();

        assertThat(gone).failsWithin(Duration.ofMinutes(1));
        assertThat(body(other)).isEqualTo("Page of greens #1");
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #1"));
        assertThat(pages.renders).hasValue(1);
    }

    @Test
    void a_rendering_that_fails_releases_those_waiting_who_render_the_page_themselves() throws Exception {
        pages.close();
        var first = read("/broken");
        await().until(() -> pages.renders.get() == 1);
        var others = List.of(read("/broken"), read("/broken"), read("/broken"));
        await().until(() -> counted("wait") == 3);
        pages.open();

        for (var reading : others) {
            assertThat(reading).failsWithin(Duration.ofMinutes(1)); // each rendered it itself, and failed too
        }
        assertThat(first).failsWithin(Duration.ofMinutes(1));
        assertThat(pages.renders).hasValue(4);
    }

    @Test
    void after_a_failure_the_next_readers_of_a_page_still_wait_for_one_rendering() throws Exception {
        for (var path : List.of("/broken", "/unavailable")) {
            var failed = read(path); // the gate is open: it fails at once
            await().until(failed::isDone);
            int before = pages.renders.get();
            double waited = counted("wait");
            pages.close();
            var first = read(path);
            await().until(() -> pages.renders.get() == before + 1);
            var other = read(path);
            await().until(() -> counted("wait") == waited + 1);
            pages.open();
            await().until(() -> first.isDone() && other.isDone());
            assertThat(pages.renders).as(path).hasValue(before + 2);
        }
    }

    @Test
    void answers_that_are_not_kept_release_those_waiting_and_later_readers_do_not_wait() throws Exception {
        for (var path : List.of("/gone", "/with-cookie")) {
            int before = pages.renders.get();
            double waited = counted("wait");
            pages.close();
            var first = read(path);
            await().until(() -> pages.renders.get() == before + 1);
            var other = read(path);
            await().until(() -> counted("wait") == waited + 1);
            pages.open();

            assertThat(first.get().getResponse().getHeader("ETag")).as(path).isNull();
            assertThat(other.get().getResponse().getHeader("ETag")).as(path).isNull();
            assertThat(other.get().getResponse().getStatus())
                    .as(path)
                    .isEqualTo(first.get().getResponse().getStatus());
            assertThat(pages.renders)
                    .as("%s rendered by the one who waited too", path)
                    .hasValue(before + 2);
            twoReadersRenderAtOnce(path);
        }
    }

    @Test
    void nobody_waits_for_a_page_whose_handler_does_not_say_it_is_public() throws Exception {
        // the first reader of a key learns that its handler keeps nothing (a reader arriving before that may wait for
        // the moment it takes the handler to be known, and is released then); from then on nobody waits
        mvc.perform(get("/o/greens/manage"));
        twoReadersRenderAtOnce("/o/greens/manage");
        assertThat(counted("wait")).isZero();
    }

    /** Two readers of {@code path} are in its handler at the same time: neither waits for the other. */
    void twoReadersRenderAtOnce(String path) throws Exception {
        int before = pages.renders.get();
        double waited = counted("wait");
        pages.close();
        var readings = List.of(read(path), read(path));
        await().until(() -> pages.renders.get() == before + 2);
        pages.open();
        await().until(() -> readings.stream().allMatch(Future::isDone));
        assertThat(counted("wait")).as("%s: nobody waited", path).isEqualTo(waited);
    }

    @Test
    void after_a_change_readers_get_the_old_page_while_it_renders_again_and_the_new_one_after() throws Exception {
        var old = mvc.perform(get("/o/greens")).andReturn().getResponse();
        assertThat(old.getContentAsString()).isEqualTo("Page of greens #1");
        cache.onChange(new PublicPagesChanged() {});

        pages.close();
        var rendering = read("/o/greens");
        await().until(() -> pages.renders.get() == 2);
        var during = mvc.perform(get("/o/greens")).andReturn().getResponse();
        assertThat(during.getContentAsString()).isEqualTo("Page of greens #1");
        assertThat(during.getHeader("ETag"))
                .as("the stale page keeps its own ETag")
                .isEqualTo(old.getHeader("ETag"));
        mvc.perform(get("/o/greens").header("If-None-Match", old.getHeader("ETag")))
                .andExpect(status().isNotModified());
        assertThat(counted("stale")).isEqualTo(2);
        pages.open();

        assertThat(body(rendering)).isEqualTo("Page of greens #2");
        assertThat(rendering.get().getResponse().getHeader("ETag")).isNotEqualTo(old.getHeader("ETag"));
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #2"));
        assertThat(pages.renders).hasValue(2);
        assertThat(counted("wait")).isZero();
    }

    @Test
    void a_page_rendered_while_its_path_changed_is_rendered_again_and_meanwhile_served_stale() throws Exception {
        pages.close();
        var rendering = read("/o/greens");
        await().until(() -> pages.renders.get() == 1);
        cache.onChangeUnder(() -> List.of("/o/greens"));
        pages.open();
        assertThat(body(rendering)).isEqualTo("Page of greens #1");

        // it may have read what changed before the change: kept, but stale
        pages.close();
        var again = read("/o/greens");
        await().until(() -> pages.renders.get() == 2);
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #1"));
        assertThat(counted("stale")).isEqualTo(1);
        pages.open();
        assertThat(body(again)).isEqualTo("Page of greens #2");
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #2"));
        assertThat(pages.renders).hasValue(2);
    }

    @Test
    void a_reader_after_a_change_with_nobody_else_reading_gets_the_new_page_at_once() throws Exception {
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #1"));
        cache.onChange(new PublicPagesChanged() {});
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #2"));
        clock.advance(PublicPageCache.TTL.plusSeconds(1));
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #3"));
        assertThat(counted("stale")).isZero();
    }

    @Test
    void after_a_withdrawal_nobody_gets_a_page_rendered_before_it() throws Exception {
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #1"));
        cache.onChange(new PublicPagesWithdrawn() {});
        assertWaitedForTheNewPage();
    }

    @Test
    void a_page_rendered_longer_ago_than_the_staleness_bound_is_not_served_stale() throws Exception {
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #1"));
        clock.advance(PublicPageCache.MAX_STALE.plusSeconds(1));
        assertWaitedForTheNewPage();
    }

    private void assertWaitedForTheNewPage() throws Exception {
        pages.close();
        var rendering = read("/o/greens");
        await().until(() -> pages.renders.get() == 2);
        var other = read("/o/greens");
        await().until(() -> counted("wait") == 1);
        pages.open();
        assertThat(body(rendering)).isEqualTo("Page of greens #2");
        assertThat(body(other)).isEqualTo("Page of greens #2");
        assertThat(counted("stale")).isZero();
    }

    @Test
    void a_rendering_that_takes_longer_than_the_wait_holds_nobody() throws Exception {
        cache.wait = Duration.ZERO;
        twoReadersRenderAtOnce("/o/greens");
    }

    @Test
    void stale_pages_count_in_the_memory_bound_until_their_new_rendering_replaces_them() throws Exception {
        var size = "Page of greens #1".length() + "Page of reds #2".length();
        mvc.perform(get("/o/greens"));
        mvc.perform(get("/o/reds"));
        assertThat(meters.get("chorus.page.cache.bytes").gauge().value()).isEqualTo(size);
        cache.onChange(new PublicPagesChanged() {});
        assertThat(meters.get("chorus.page.cache.bytes").gauge().value()).isEqualTo(size);
        mvc.perform(get("/o/greens")).andExpect(content().string("Page of greens #3"));
        mvc.perform(get("/o/reds")).andExpect(content().string("Page of reds #4"));
        assertThat(meters.get("chorus.page.cache.bytes").gauge().value()).isEqualTo(size);
    }
}
