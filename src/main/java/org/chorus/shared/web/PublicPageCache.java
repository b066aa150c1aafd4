package org.chorus.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.apache.tomcat.util.http.parser.AcceptEncoding;
import org.chorus.shared.database.AfterCommit;
import org.chorus.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered bytes of public pages for anonymous readers (no cookie but the language and device ones), so a popular
 * statement is served without touching the database or rendering again. Every answer carries a weak ETag (the same
 * page gzipped or not; Tomcat compresses no answer with a strong one) and Last-Modified, and a matching If-None-Match
 * gets 304. Every public page, kept or not, hit, miss or 304, says
 * {@code Vary: Accept, Accept-Language, Cookie}, so no cache between Chorus and the reader serves it in the wrong language,
 * to a signed-in reader, or to a program that asked for the same address as data (an ActivityPub actor). Any committed {@link PublicPagesChanged} event makes every entry stale; entries also
 * go stale after {@code TTL}, which bounds staleness when several Chorus nodes share a database. A committed
 * {@link PublicPagesChangedUnder} event makes stale only the entries at and below its paths (a statement's sign-on
 * totals), so a number that changes every few seconds does not render every page again.
 *
 * <p>Under load (decision 0026) a page is rendered once at a time per key: the first request that finds no fresh entry
 * renders it, and requests for the same key arriving meanwhile either get the stale entry at once (if it was rendered
 * less than {@code MAX_STALE} ago and no {@link PublicPagesWithdrawn} event came since) or wait for that rendering, at
 * most {@code WAIT} after it began, then render the page themselves. A rendering that stores nothing (an error, a
 * cookie, a handler without {@link PublicPage}) releases its waiters at once, and unless it failed (an exception, a
 * 5xx) the key is rendered without anyone waiting for {@code NOT_KEPT_MEMORY}. A sequential reader after a change always gets a fresh page: the first request
 * for a stale key renders.
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
    static final String VARY = "Accept, Accept-Language, Cookie";

    static final Duration TTL = Duration.ofSeconds(60);
    /** How long after it was rendered an entry may still be served stale, while the page is rendered again. */
    static final Duration MAX_STALE = TTL.multipliedBy(2);
    /** How long after a rendering began other requests for the same page wait for it before rendering it themselves. */
    static final Duration WAIT = Duration.ofSeconds(5);
    /** How long a page that came out not to be kept is rendered without anyone waiting for another rendering of it. */
    static final Duration NOT_KEPT_MEMORY = Duration.ofSeconds(10);

    static final int MAX_ENTRIES = 5_000;
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Rendering> renderings = new ConcurrentHashMap<>();
    private final Map<String, Instant> notKept = new ConcurrentHashMap<>();
    private final Object storing = new Object();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    /** Counts the changes of some pages ({@link PublicPagesChangedUnder}), so a rendering knows one came meanwhile. */
    private final AtomicLong partialChanges = new AtomicLong();

    private final Clock clock;
    private final io.micrometer.core.instrument.Counter hits;
    private final io.micrometer.core.instrument.Counter misses;
    private final io.micrometer.core.instrument.Counter waits;
    private final io.micrometer.core.instrument.Counter staleHits;
    private volatile Instant changedAt;
    /** Entries of an older generation were rendered before a withdrawal and are never served stale. */
    private volatile long withdrawnBefore;
    /** {@link #WAIT}, except in tests that need a rendering to outlast it or never to. */
    volatile Duration wait = WAIT;

    /** Content types the server compresses ({@code server.compression.mime-types}): entries of these keep a gzipped copy. */
    private final Set<String> compressible;
    /** The smallest answer the server compresses ({@code server.compression.min-response-size}), in bytes. */
    private final long minCompressed;

    PublicPageCache(Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
        this(clock, meters, "text/html", DataSize.ofKilobytes(2));
    }

    @Autowired
    PublicPageCache(
            Clock clock,
            io.micrometer.core.instrument.MeterRegistry meters,
            @Value("${server.compression.mime-types:text/html}") String compressible,
            @Value("${server.compression.min-response-size:2KB}") DataSize minCompressed) {
        this.compressible =
                Set.copyOf(List.of(compressible.strip().toLowerCase(Locale.ROOT).split("\\s*,\\s*")));
        this.minCompressed = minCompressed.toBytes();
        this.clock = clock;
        this.changedAt = clock.instant();
        this.hits = meters.counter("chorus.page.cache", "result", "hit");
        this.misses = meters.counter("chorus.page.cache", "result", "miss");
        this.waits = meters.counter("chorus.page.cache", "result", "wait");
        this.staleHits = meters.counter("chorus.page.cache", "result", "stale");
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
            byte[] body,
            byte[] gzipped,
            boolean outdated) {

        /** What the entry holds in memory: the page and its gzipped copy. */
        long size() {
            return body.length + (gzipped == null ? 0 : gzipped.length);
        }

        boolean fresh(long current, Instant now) {
            return !outdated && generation == current && storedAt.plus(TTL).isAfter(now);
        }

        /** The same entry, stale from now on (its pages changed), still servable stale as any other. */
        Entry outdate() {
            return outdated
                    ? this
                    : new Entry(generation, storedAt, lastModified, etag, status, headers, body, gzipped, true);
        }
    }

    /**
     * One request rendering a page that others may wait for. It is joinable while it renders for the current
     * generation and began less than {@link #wait} ago; after that a new request renders the page again, so a hung
     * rendering holds nobody for longer.
     */
    static final class Rendering {

        final long generation;
        private final long deadline;
        private final CompletableFuture<Entry> stored = new CompletableFuture<>();

        Rendering(long generation, Duration wait) {
            this.generation = generation;
            this.deadline = System.nanoTime() + wait.toNanos();
        }

        boolean joinable(long current) {
            return generation == current && deadline - System.nanoTime() > 0;
        }

        /** The entry the rendering stored, or null if it stored none or did not finish in time. */
        Entry await() {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            try {
                return stored.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        void finish(Entry entry) {
            stored.complete(entry);
        }
    }

    /**
     * Makes every entry stale (or drops them all after a withdrawal) once the change commits (at once outside a
     * transaction). Not a {@code TransactionalEventListener}: Spring Modulith would record each of those in its event
     * publication registry, a row per event for a cache that is in memory anyway.
     */
    @EventListener
    void onChange(PublicPagesChanged event) {
        AfterCommit.run(event instanceof PublicPagesWithdrawn ? this::withdraw : this::invalidate);
    }

    /**
     * Makes every entry stale: the next request for a page renders it again, and requests for it meanwhile get the
     * stale entry.
     */
    public void invalidate() {
        generation.incrementAndGet();
        changedAt = clock.instant();
        notKept.clear();
    }

    /**
     * Makes stale the entries of the pages at and below these paths once the change commits (at once outside a
     * transaction); every other entry stays fresh.
     */
    @EventListener
    void onChangeUnder(PublicPagesChangedUnder event) {
        var paths = List.copyOf(event.paths());
        AfterCommit.run(() -> invalidateUnder(paths));
    }

    /**
     * Makes stale the entries whose path is one of these or below one: the next request for such a page renders it
     * again, and requests for it meanwhile get the stale entry. A page rendered while this happens is stored stale too,
     * since it may have read what changed before the change.
     */
    void invalidateUnder(List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        partialChanges.incrementAndGet();
        changedAt = clock.instant();
        for (var key : entries.keySet()) {
            var path = key.substring(0, key.indexOf('?'));
            if (paths.stream().anyMatch(changed -> under(path, changed))) {
                entries.computeIfPresent(key, (k, entry) -> entry.outdate());
            }
        }
    }

    private static boolean under(String path, String changed) {
        return path.equals(changed) || path.startsWith(changed.endsWith("/") ? changed : changed + "/");
    }

    /** Drops every entry, and no entry rendered before now is ever served again, not even while a page renders. */
    void withdraw() {
        withdrawnBefore = generation.incrementAndGet();
        changedAt = clock.instant();
        notKept.clear();
        synchronized (storing) {
            entries.clear();
            bytes.set(0);
        }
    }

    private boolean servableStale(Entry entry, Instant now) {
        return entry.generation() >= withdrawnBefore
                && entry.storedAt().plus(MAX_STALE).isAfter(now);
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
                    || request.getHeader("Authorization") != null
                    || ApiCredentials.token(request) != null;
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
            long current = generation.get();
            if (entry != null && entry.fresh(current, now)) {
                hits.increment();
                replay(entry, request, response);
                return;
            }
            var remembered = notKept.get(key);
            if (remembered != null && remembered.isAfter(now)) {
                render(key, request, response, chain, null);
                return;
            }
            var mine = new Rendering(current, wait);
            var rendering =
                    renderings.compute(key, (k, other) -> other != null && other.joinable(current) ? other : mine);
            if (rendering == mine) {
                render(key, request, response, chain, mine);
                return;
            }
            if (entry != null && servableStale(entry, now)) {
                staleHits.increment();
                replay(entry, request, response);
                return;
            }
            waits.increment();
            var rendered = rendering.await();
            if (rendered != null) {
                replay(rendered, request, response);
                return;
            }
            render(key, request, response, chain, null);
        }

        /**
         * Renders the page through the rest of the chain and keeps it if it may be. {@code rendering} is this
         * request's, when others may be waiting for it; it is finished as soon as it is known whether the page is kept
         * (before the body goes to a possibly slow reader), and in any case, so no waiter is left behind.
         */
        private void render(
                String key,
                HttpServletRequest request,
                HttpServletResponse response,
                FilterChain chain,
                Rendering rendering)
                throws ServletException, IOException {
            long before = generation.get();
            long partialBefore = partialChanges.get();
            var now = clock.instant();
            var recorder = new Recorder(response, () -> finish(key, rendering, null, true));
            request.setAttribute(RECORDER, recorder);
            ContentCachingResponseWrapper recorded = null;
            Entry stored = null;
            // whether the page will not be kept next time either; not after a failure (the database may be back at
            // once, and a popular page must not lose its single flight while it struggles) or a change during rendering
            boolean notKeepable = false;
            try {
                chain.doFilter(request, recorder);
                notKeepable = true;
                if (recorder.getResponse() instanceof ContentCachingResponseWrapper wrapper) {
                    recorded = wrapper;
                    misses.increment();
                    notKeepable = wrapper.getStatus() < 500;
                    if (wrapper.getStatus() == 200
                            && !recorder.declined
                            && wrapper.getHeader("Set-Cookie") == null
                            && request.getSession(false) == null) {
                        if (generation.get() == before) {
                            stored = store(
                                    key,
                                    wrapper,
                                    wrapper.getContentAsByteArray(),
                                    now,
                                    before,
                                    partialChanges.get() != partialBefore);
                            wrapper.setHeader("ETag", stored.etag());
                            wrapper.setHeader("Last-Modified", http(stored.lastModified()));
                            wrapper.setHeader("Cache-Control", "public, no-cache");
                        } else {
                            notKeepable = false; // a change came while it rendered: keepable, but not this rendering
                        }
                    }
                }
            } finally {
                request.removeAttribute(RECORDER);
                finish(key, rendering, stored, notKeepable);
            }
            if (recorded != null) {
                recorded.copyBodyToResponse();
            } // else not a public page: passed through untouched
        }

        private void finish(String key, Rendering rendering, Entry stored, boolean notKeepable) {
            if (stored == null && notKeepable) {
                if (notKept.size() >= MAX_ENTRIES) {
                    notKept.clear();
                }
                notKept.put(key, clock.instant().plus(NOT_KEPT_MEMORY));
            }
            if (rendering != null) {
                renderings.remove(key, rendering);
                rendering.finish(stored);
            }
        }

        /**
         * Whether a request asks for data rather than a page ({@code Accept: application/activity+json}, JSON without
         * HTML): at an address that answers both by content negotiation (an organization's page is also its
         * ActivityPub actor), the two are kept apart.
         */
        static boolean asksForData(String accept) {
            return accept != null && accept.contains("json") && !accept.contains("text/html");
        }

        /**
         * The page as the reader asked for it: path, every parameter (sorted), language, htmx or not, page or data.
         */
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
                    .append('#')
                    .append(asksForData(request.getHeader("Accept")) ? "data" : "page")
                    .toString();
        }

        private Entry store(
                String key,
                ContentCachingResponseWrapper wrapper,
                byte[] body,
                Instant now,
                long gen,
                boolean outdated) {
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
            // weak: the server compresses an answer only when its ETag is weak, since gzipped and plain bytes differ
            var etag = "W/\"" + gen + "-" + HexFormat.of().toHexDigits((int) crc.getValue()) + "\"";
            var gzipped = gzipped(wrapper, body);
            if (gzipped != null) {
                varyByEncoding(headers);
            }
            var entry = new Entry(gen, now, changedAt, etag, 200, List.copyOf(headers), body, gzipped, outdated);
            synchronized (storing) {
                if (full(entries.get(key), entry.size())) {
                    // stale entries go first; only if the fresh ones alone fill the cache is it emptied
                    long current = generation.get();
                    for (var kept : entries.entrySet()) {
                        if (!kept.getValue().fresh(current, now) && entries.remove(kept.getKey(), kept.getValue())) {
                            bytes.addAndGet(-kept.getValue().size());
                        }
                    }
                    if (full(entries.get(key), entry.size())) {
                        entries.clear();
                        bytes.set(0);
                    }
                }
                var replaced = entries.put(key, entry);
                bytes.addAndGet(entry.size() - (replaced == null ? 0 : replaced.size()));
            }
            return entry;
        }

        private boolean full(Entry replaced, long size) {
            return (replaced == null && entries.size() >= MAX_ENTRIES)
                    || bytes.get() - (replaced == null ? 0 : replaced.size()) + size > MAX_BYTES;
        }

        /**
         * Adds {@code Accept-Encoding} to the page's {@code Vary}, as the server does to every answer it may compress:
         * in the one header, so a kept page says the same as a fresh one.
         */
        private static void varyByEncoding(List<Map.Entry<String, String>> headers) {
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i).getKey().equalsIgnoreCase("Vary")) {
                    var vary = headers.get(i).getValue();
                    if (!vary.toLowerCase(Locale.ROOT).contains("accept-encoding")) {
                        headers.set(i, Map.entry("Vary", vary + ", Accept-Encoding"));
                    }
                    return;
                }
            }
            headers.add(Map.entry("Vary", "Accept-Encoding"));
        }

        /**
         * The page gzipped once, when it is kept, if the server would compress it (its type and size, by the server's
         * own settings); else null. A hit then sends these bytes to every reader whose browser takes gzip,
         * instead of Tomcat compressing the same page again for each of them.
         */
        private byte[] gzipped(ContentCachingResponseWrapper wrapper, byte[] body) {
            var type = wrapper.getContentType();
            if (body.length < minCompressed || type == null) {
                return null;
            }
            int parameters = type.indexOf(';');
            var mediaType = (parameters < 0 ? type : type.substring(0, parameters))
                    .strip()
                    .toLowerCase(Locale.ROOT);
            if (!compressible.contains(mediaType)) {
                return null;
            }
            var out = new ByteArrayOutputStream(body.length / 4);
            try (var gzip = new GZIPOutputStream(out)) {
                gzip.write(body);
            } catch (IOException impossible) { // in memory
                throw new UncheckedIOException(impossible);
            }
            return out.toByteArray();
        }

        private void replay(Entry entry, HttpServletRequest request, HttpServletResponse response) throws IOException {
            for (var header : entry.headers()) {
                response.addHeader(header.getKey(), header.getValue());
            }
            response.setHeader("ETag", entry.etag());
            response.setHeader("Last-Modified", http(entry.lastModified()));
            response.setHeader("Cache-Control", "public, no-cache");
            var ifNoneMatch = request.getHeader("If-None-Match");
            // If-None-Match compares weakly (RFC 9110 13.1.2): the quoted tag, with or without its W/
            var opaque = entry.etag().substring("W/".length());
            if (ifNoneMatch != null
                    && (ifNoneMatch.contains(opaque) || ifNoneMatch.strip().equals("*"))) {
                response.setStatus(304);
                return;
            }
            response.setStatus(entry.status());
            var body = entry.body();
            // the server compresses no answer that has an encoding
            if (entry.gzipped() != null && takesGzip(request)) {
                response.setHeader("Content-Encoding", "gzip");
                body = entry.gzipped();
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** Whether the request's {@code Accept-Encoding} takes gzip (with a quality above 0; {@code *} counts). */
    static boolean takesGzip(HttpServletRequest request) {
        var values = request.getHeaders("Accept-Encoding");
        boolean star = false;
        while (values != null && values.hasMoreElements()) {
            List<AcceptEncoding> encodings;
            try {
                encodings = AcceptEncoding.parse(new StringReader(values.nextElement()));
            } catch (IOException unreadable) {
                return false;
            }
            for (var encoding : encodings == null ? List.<AcceptEncoding>of() : encodings) {
                if ("gzip".equalsIgnoreCase(encoding.getEncoding())) {
                    return encoding.getQuality() > 0;
                }
                star |= "*".equals(encoding.getEncoding()) && encoding.getQuality() > 0;
            }
        }
        return star;
    }

    /**
     * A public page's handler says this rendering must not be kept: what it shows changes at a moment no event
     * announces (an action's exact place revealed some hours before its start), so no entry may outlive that moment.
     */
    public static void doNotKeep(HttpServletRequest request) {
        if (request.getAttribute(RECORDER) instanceof Recorder recorder) {
            recorder.decline();
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
            var recorder = request.getAttribute(RECORDER) instanceof Recorder r ? r : null;
            if (!(handler instanceof HandlerMethod method
                    && method.getMethodAnnotation(PublicPage.class) instanceof PublicPage page)) {
                if (recorder != null) {
                    recorder.passThrough();
                }
                return true;
            }
            // for every reader, stored or not: a shared cache in front of Chorus must not serve one language's page,
            // or a signed-in reader's, to someone else; the header is stored with the page and replayed on hits
            // and 304s
            response.addHeader("Vary", VARY);
            if (recorder != null) {
                if (Set.of(page.parameters())
                                .containsAll(request.getParameterMap().keySet())
                        && anonymous()) {
                    recorder.record();
                } else {
                    recorder.passThrough();
                }
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
     * and give it an ETag) by putting a {@link ContentCachingResponseWrapper} under itself. {@link #passThrough()}
     * says at once that the page will not be kept, so requests waiting for it need not wait for the whole answer.
     */
    static final class Recorder extends HttpServletResponseWrapper {

        private final Runnable notKept;
        private boolean bodyStarted;
        private boolean declined;

        Recorder(HttpServletResponse response, Runnable notKept) {
            super(response);
            this.notKept = notKept;
        }

        void passThrough() {
            notKept.run();
        }

        void decline() {
            declined = true;
            passThrough();
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
