package org.chorus.shared.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The one way Chorus makes HTTP requests to addresses that come from outside: remote actors and inboxes of the
 * fediverse, webhooks. It guards against server-side request forgery — a remote party making Chorus reach what only
 * Chorus can (its database, a cloud's metadata service, the operator's intranet):
 *
 * <ul>
 *   <li>every host name is resolved by Chorus, and only public addresses are connected to ({@link PublicAddresses}),
 *       checked on the addresses the connection then uses, so a name that resolves elsewhere the second time
 *       (DNS rebinding) cannot pass the check with one address and connect to another;
 *   <li>https only, except to networks the operator allowed ({@link OutboundSettings#allowedNetworks}, for tests on
 *       loopback); no proxy, no cookies;
 *   <li>redirects followed by hand for a GET, at most {@link OutboundSettings#maxRedirects}, each target checked again;
 *       none for a POST;
 *   <li>limits: the connection, each read, the whole request ({@link OutboundSettings#deadline}, after which it is
 *       cancelled) and the answer's size.
 * </ul>
 *
 * A request that cannot go, or whose answer is refused, throws {@link OutboundFailure}, which says whether trying
 * again later can help.
 */
public final class OutboundHttp implements AutoCloseable {

    /** An answer: its status, headers (names in lower case, first value), body, and the address it came from. */
    public record Response(int status, Map<String, String> headers, byte[] body, URI uri) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Headers for a request to {@code uri} (e.g. an HTTP signature, which names the path and host): asked again for
     * each redirect.
     */
    @FunctionalInterface
    public interface Headers {
        Map<String, String> of(String method, URI uri, byte[] body);

        Headers NONE = (method, uri, body) -> Map.of();
    }

    private final OutboundSettings settings;
    private final PublicAddresses addresses;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final String userAgent;

    public OutboundHttp(OutboundSettings settings, String userAgent) {
        this.settings = settings;
        this.addresses = settings.addresses();
        this.userAgent = userAgent;
        var timeouts = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                .build();
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedResolver(addresses))
                .setDefaultConnectionConfig(timeouts)
                .setMaxConnTotal(200)
                .setMaxConnPerRoute(4)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableAutomaticRetries()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("chorus-outbound-deadline").factory());
    }

    /** GET, following redirects (each target checked), with {@code headers} for each request. */
    public Response get(URI uri, String accept, Headers headers) {
        var target = uri;
        for (int hop = 0; ; hop++) {
            var response = execute("GET", target, null, null, accept, headers);
            var location = response.headers().get("location");
            if (!isRedirect(response.status()) || location == null) {
                return response;
            }
            if (hop >= settings.maxRedirects()) {
                throw new OutboundFailure(
                        OutboundFailure.Kind.TOO_MANY_REDIRECTS,
                        "more than " + settings.maxRedirects() + " redirects from " + uri);
            }
            try {
                target = target.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                throw new OutboundFailure(
                        OutboundFailure.Kind.BAD_ANSWER, "a redirect to an unreadable address: " + location);
            }
        }
    }

    /** POST of {@code body} as {@code contentType}; a redirect is not followed (the answer is returned). */
    public Response post(URI uri, byte[] body, String contentType, Headers headers) {
        return execute("POST", uri, body, contentType, null, headers);
    }

    private Response execute(String method, URI uri, byte[] body, String contentType, String accept, Headers headers) {
        check(uri);
        var request = new HttpUriRequestBase(method, uri);
        request.setHeader("User-Agent", userAgent);
        if (accept != null) {
            request.setHeader("Accept", accept);
        }
        headers.of(method, uri, body).forEach(request::setHeader);
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        }
        var late = new AtomicBoolean();
        var cancel = deadlines.schedule(
                () -> {
                    late.set(true);
                    request.cancel();
                },
                settings.deadline().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            return client.execute(request, answer -> {
                var read = new LinkedHashMap<String, String>();
                for (var header : answer.getHeaders()) {
                    read.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
                }
                var entity = answer.getEntity();
                var bytes = entity == null ? new byte[0] : bounded(entity.getContent(), uri);
                return new Response(answer.getCode(), Map.copyOf(read), bytes, uri);
            });
        } catch (RefusedHost e) {
            throw new OutboundFailure(OutboundFailure.Kind.REFUSED_ADDRESS, e.getMessage());
        } catch (UnknownHostException e) {
            throw new OutboundFailure(OutboundFailure.Kind.UNREACHABLE, "unknown host " + uri.getHost());
        } catch (IOException e) {
            if (late.get()) {
                throw new OutboundFailure(
                        OutboundFailure.Kind.TIMEOUT, "no full answer from " + uri + " in " + settings.deadline());
            }
            throw new OutboundFailure(
                    OutboundFailure.Kind.UNREACHABLE,
                    uri.getHost() + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        } finally {
            cancel.cancel(false);
        }
    }

    /** The address's form before anything is sent: http(s), a host, and https unless its network is allowed. */
    private void check(URI uri) {
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new OutboundFailure(OutboundFailure.Kind.REFUSED_ADDRESS, "not an http(s) address: " + uri);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new OutboundFailure(
                    OutboundFailure.Kind.REFUSED_ADDRESS, "not an address with a host and no user: " + uri);
        }
        if (scheme.equals("http") && !allowedOnly(uri.getHost())) {
            throw new OutboundFailure(OutboundFailure.Kind.REFUSED_ADDRESS, "https only: " + uri);
        }
    }

    /** Whether every address of the host is in a network the operator allowed (where plain http may go). */
    private boolean allowedOnly(String host) {
        if (settings.allowedNetworks().isEmpty()) {
            return false;
        }
        try {
            return Arrays.stream(InetAddress.getAllByName(unbracketed(host))).allMatch(addresses::inAllowedNetwork);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private byte[] bounded(InputStream in, URI uri) throws IOException {
        try (in) {
            var out = new ByteArrayOutputStream();
            var buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > settings.maxBytes()) {
                    throw new OutboundFailure(
                            OutboundFailure.Kind.TOO_LARGE,
                            "the answer from " + uri + " is larger than " + settings.maxBytes() + " bytes");
                }
            }
            return out.toByteArray();
        }
    }

    private static boolean isRedirect(int status) {
        return List.of(301, 302, 303, 307, 308).contains(status);
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    /** Host names resolved by Chorus, keeping only the addresses it may reach; none left: refused. */
    private record GuardedResolver(PublicAddresses addresses) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            var all = SystemDefaultDnsResolver.INSTANCE.resolve(unbracketed(host));
            var reachable = Arrays.stream(all)
                    .filter(a -> addresses.refusal(a).isEmpty())
                    .toArray(InetAddress[]::new);
            if (reachable.length == 0) {
                throw new RefusedHost(host + ": " + addresses.refusal(all[0]).orElse("no address") + " ("
                        + all[0].getHostAddress() + ")");
            }
            return reachable;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }

    /** A host whose addresses Chorus may not reach. */
    private static final class RefusedHost extends UnknownHostException {
        RefusedHost(String message) {
            super(message);
        }
    }
}
