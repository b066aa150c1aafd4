package org.chorus.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.chorus.shared.i18n.Language;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered bytes of public pages for anonymous readers (no cookie but the language and device ones), so a popular
 * statement is served without touching the database or rendering again. Every answer carries an ETag and
 * Last-Modified, and a matching If-None-Match gets 304. Every public page, kept or not, hit, miss or 304, says
 * {@code Vary: Accept-Language, Cookie}, so no cache between Chorus and the reader serves it in the wrong language
 * or to a signed-in reader. Any committed {@link PublicPagesChanged} event empties the
 * cache; entries also expire after {@code TTL}, which bounds staleness when several Chorus nodes share a database.
 *
 * <p>Caching is opt-in: a page is kept only when its handler carries {@link PublicPage}. The filter runs first of all,
 * so a hit is answered by key before Spring Security and the DispatcherServlet; on a miss it only knows which handler
 * rendered the page once {@link Marker}, a handler interceptor, has seen it, so the response passes through untouched
 * until the marker switches its {@link Recorder} on (before the handler writes anything), and only a recorded,
 * anonymous, 200 answer without a cookie is stored. Hits need no such check: an entry exists only for a key that
 * was stored that way.
 */
@Configuration
public class PublicPageCache implements WebMvcConfigurer {

    static final String RECORDER = PublicPageCache.class.getName() + ".recorder";
    /** What a public page depends on besides its address: the interface language and whether anyone is signed in. */
    static final String VARY = "Accept-Language, Cookie";

    static final Duration TTL = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 5_000;
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Clock clock;
    private final io.micrometer.core.instrument.Counter hits;
    private final io.micrometer.core.instrument.Counter misses;
    private volatile Instant changedAt;

    PublicPageCache(Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
        this.clock = clock;
        this.changedAt = clock.instant();
        this.hits = meters.counter("chorus.page.cache", "result", "hit");
        this.misses = meters.counter("chorus.page.cache", "result", "miss");
        io.micrometer.core.instrument.Gauge.builder("chorus.page.cache.bytes", bytes, AtomicLong::get)
                .register(meters);
    }

    record Entry(
            long generation,
            Instant storedAt,
            Instant lastModified,
            String etag,
            int status,
            List<Map.Entry<String, String>> headers,
            byte[] body) {}

    /**
     * Empties the cache once the change commits (at once outside a transaction). Not a {@code
     * TransactionalEventListener}: Spring Modulith would record each of those in its event publication registry, a
     * row per event for a cache that is in memory anyway.
     */
    @EventListener
    void onChange(PublicPagesChanged event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            invalidate();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                invalidate();
            }
        });
    }

    public void invalidate() {
        generation.incrementAndGet();
        changedAt = clock.instant();
        entries.clear();
        bytes.set(0);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> publicPageCacheFilter(LocaleResolver localeResolver) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new CacheFilter(localeResolver));
        // first of all filters but NormalizedPaths (before Spring Security and the HTTP metrics), so a hit skips the
        // whole chain; the stored security headers are replayed, and hits are counted by the cache, not by
        // http.server.requests
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    final class CacheFilter extends OncePerRequestFilter {

        private final LocaleResolver localeResolver;

        CacheFilter(LocaleResolver localeResolver) {
            this.localeResolver = localeResolver;
        }

        /** Only anonymous GETs can be answered from the cache; whether one is stored is up to its handler. */
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"GET".equals(request.getMethod())
                    || request.getParameter("lang") != null
                    || hasOtherCookies(request)
                    || request.getHeader("Authorization") != null;
        }

        private static boolean hasOtherCookies(HttpServletRequest request) {
            var cookies = request.getCookies();
            if (cookies == null) {
                return false;
            }
            for (var cookie : cookies) {
                // the device cookie (sign-in limits) changes no page: a reader who signed out is anonymous again
                if (!"chorus_lang".equals(cookie.getName()) && !"chorus_device".equals(cookie.getName())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var key = key(
                    request, Language.of(localeResolver.resolveLocale(request)).tag());
            var now = clock.instant();
            var entry = entries.get(key);
            if (entry != null
                    && entry.generation() == generation.get()
                    && entry.storedAt().plus(TTL).isAfter(now)) {
                hits.increment();
                replay(entry, request, response);
                return;
            }
            long before = generation.get();
            var recorder = new Recorder(response);
            request.setAttribute(RECORDER, recorder);
            try {
                chain.doFilter(request, recorder);
            } finally {
                request.removeAttribute(RECORDER);
            }
            if (!(recorder.getResponse() instanceof ContentCachingResponseWrapper wrapper)) {
                return; // not a public page: passed through untouched
            }
            misses.increment();
            var body = wrapper.getContentAsByteArray();
            if (wrapper.getStatus() == 200
                    && wrapper.getHeader("Set-Cookie") == null
                    && request.getSession(false) == null
                    && generation.get() == before) {
                var fresh = store(key, wrapper, body, now, before);
                wrapper.setHeader("ETag", fresh.etag());
                wrapper.setHeader("Last-Modified", http(fresh.lastModified()));
                wrapper.setHeader("Cache-Control", "public, no-cache");
            }
            wrapper.copyBodyToResponse();
        }

        /** The page as the reader asked for it: path, every parameter (sorted), language, htmx or not. */
        static String key(HttpServletRequest request, String language) {
            var key = new StringBuilder(request.getRequestURI()).append('?');
            new java.util.TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
                for (var value : values) {
                    key.append(name).append('=').append(value).append('&');
                }
            });
            return key.append('#')
                    .append(language)
                    .append('#')
                    .append(request.getHeader("HX-Request") != null)
                    .toString();
        }

        private Entry store(String key, ContentCachingResponseWrapper wrapper, byte[] body, Instant now, long gen) {
            var headers = new ArrayList<Map.Entry<String, String>>();
            for (var name : wrapper.getHeaderNames()) {
                if (name.equalsIgnoreCase("Set-Cookie")
                        || name.equalsIgnoreCase("Content-Length")
                        || name.equalsIgnoreCase("Date")
                        || name.equalsIgnoreCase("Cache-Control")
                        || name.equalsIgnoreCase("Pragma")
                        || name.equalsIgnoreCase("Expires")) {
                    continue;
                }
                for (var value : wrapper.getHeaders(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
            if (wrapper.getContentType() != null) {
                headers.add(Map.entry("Content-Type", wrapper.getContentType()));
            }
            var crc = new CRC32();
            crc.update(body);
            var etag = "\"" + gen + "-" + HexFormat.of().toHexDigits((int) crc.getValue()) + "\"";
            var entry = new Entry(gen, now, changedAt, etag, 200, List.copyOf(headers), body);
            if (entries.size() >= MAX_ENTRIES || bytes.addAndGet(body.length) > MAX_BYTES) {
                entries.clear();
                bytes.set(body.length);
            }
            entries.put(key, entry);
            return entry;
        }

        private void replay(Entry entry, HttpServletRequest request, HttpServletResponse response) throws IOException {
            for (var header : entry.headers()) {
                response.addHeader(header.getKey(), header.getValue());
            }
            response.setHeader("ETag", entry.etag());
            response.setHeader("Last-Modified", http(entry.lastModified()));
            response.setHeader("Cache-Control", "public, no-cache");
            var ifNoneMatch = request.getHeader("If-None-Match");
            if (ifNoneMatch != null && (ifNoneMatch.contains(entry.etag()) || ifNoneMatch.equals("*"))) {
                response.setStatus(304);
                return;
            }
            response.setStatus(entry.status());
            response.setContentLength(entry.body().length);
            response.getOutputStream().write(entry.body());
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Marker());
    }

    /**
     * Switches the recorder on when the handler is a {@link PublicPage}, the reader is anonymous and every query
     * parameter is one the page names. Runs after Spring Security and before the handler writes anything.
     */
    static final class Marker implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof HandlerMethod method
                    && method.getMethodAnnotation(PublicPage.class) instanceof PublicPage page)) {
                return true;
            }
            // for every reader, stored or not: a shared cache in front of Chorus must not serve one language's page,
            // or a signed-in reader's, to someone else; the header is stored with the page and replayed on hits
            // and 304s
            response.addHeader("Vary", VARY);
            if (request.getAttribute(RECORDER) instanceof Recorder recorder
                    && Set.of(page.parameters())
                            .containsAll(request.getParameterMap().keySet())
                    && anonymous()) {
                recorder.record();
            }
            return true;
        }

        private static boolean anonymous() {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication == null
                    || authentication instanceof AnonymousAuthenticationToken
                    || !authentication.isAuthenticated();
        }
    }

    /**
     * Passes the response through until {@link #record()}, then keeps its body in memory (so the cache can store it
     * and give it an ETag) by putting a {@link ContentCachingResponseWrapper} under itself.
     */
    static final class Recorder extends HttpServletResponseWrapper {

        private boolean bodyStarted;

        Recorder(HttpServletResponse response) {
            super(response);
        }

        void record() {
            if (!bodyStarted && !isCommitted() && !(getResponse() instanceof ContentCachingResponseWrapper)) {
                setResponse(new ContentCachingResponseWrapper((HttpServletResponse) getResponse()));
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyStarted = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyStarted = true;
            return super.getWriter();
        }
    }

    private static String http(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                instant.atOffset(ZoneOffset.UTC).withNano(0));
    }
}
