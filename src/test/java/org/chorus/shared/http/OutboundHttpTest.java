package org.chorus.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests to outside addresses reach public ones only, over https, with redirects, time and size bounded; a server on
 * loopback stands for the outside, reached only where a test allows loopback as an operator could allow a network.
 */
class OutboundHttpTest {

    HttpServer server;
    String base;
    final AtomicInteger hits = new AtomicInteger();
    final List<String> signedFor = new CopyOnWriteArrayList<>();

    @BeforeEach
    void a_server_on_loopback() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            var path = exchange.getRequestURI().getPath();
            var signature = exchange.getRequestHeaders().getFirst("Signature");
            if (signature != null) {
                signedFor.add(signature);
            }
            if (path.startsWith("/hop/")) {
                // /hop/3 redirects to /hop/2 … /hop/0 answers
                int left = Integer.parseInt(path.substring(5));
                exchange.getResponseHeaders().add("Location", left == 0 ? "/ok" : "/hop/" + (left - 1));
                exchange.sendResponseHeaders(left == 0 ? 200 : 302, -1);
            } else if (path.equals("/to-ipv6-loopback")) {
                exchange.getResponseHeaders()
                        .add("Location", "http://[::1]:" + server.getAddress().getPort() + "/ok");
                exchange.sendResponseHeaders(301, -1);
            } else if (path.equals("/big")) {
                var body = new byte[5_000];
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else if (path.equals("/slow")) {
                exchange.sendResponseHeaders(200, 0);
                try (var out = exchange.getResponseBody()) {
                    for (int i = 0; i < 50; i++) {
                        out.write('.');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                var body = ("hello " + exchange.getRequestMethod()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void loopback_private_networks_and_plain_http_are_refused_by_default_and_nothing_reaches_them() throws Exception {
        try (var http = new OutboundHttp(OutboundSettings.allowing(), "Chorus-test")) {
            var port = server.getAddress().getPort();
            for (var address : List.of(
                    "https://127.0.0.1:" + port + "/ok",
                    "https://localhost:" + port + "/ok",
                    "https://[::1]:" + port + "/ok",
                    "https://[::ffff:127.0.0.1]:" + port + "/ok",
                    "https://0.0.0.0:" + port + "/ok",
                    "https://169.254.169.254/latest/meta-data/")) {
                assertThatThrownBy(() -> http.get(URI.create(address), "*/*", OutboundHttp.Headers.NONE))
                        .as(address)
                        .isInstanceOfSatisfying(OutboundFailure.class, failure -> {
                            assertThat(failure.kind()).isEqualTo(OutboundFailure.Kind.REFUSED_ADDRESS);
                            assertThat(failure.kind().temporary()).isFalse();
                        });
            }
            for (var address : List.of(base + "/ok", "ftp://example.org/", "https://user@example.org/", "/ok")) {
                assertThatThrownBy(() -> http.get(URI.create(address), "*/*", OutboundHttp.Headers.NONE))
                        .as(address)
                        .isInstanceOf(OutboundFailure.class)
                        .hasMessageContaining(address.startsWith("http:") ? "https only" : "address");
            }
        }
        assertThat(hits).hasValue(0);
    }

    @Test
    void an_allowed_network_is_reached_and_redirects_are_followed_three_times_each_checked_and_signed_again()
            throws Exception {
        try (var http = new OutboundHttp(OutboundSettings.allowing("127.0.0.0/8"), "Chorus-test")) {
            var answer = http.get(URI.create(base + "/ok"), "text/plain", OutboundHttp.Headers.NONE);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("hello GET");
            assertThat(answer.headers()).containsEntry("content-type", "text/plain");

            var followed = http.get(
                    URI.create(base + "/hop/3"),
                    "*/*",
                    (method, uri, body) -> java.util.Map.of("Signature", method + " " + uri.getPath()));
            assertThat(followed.status()).isEqualTo(200);
            assertThat(followed.uri().getPath()).isEqualTo("/hop/0");
            assertThat(signedFor).containsExactly("GET /hop/3", "GET /hop/2", "GET /hop/1", "GET /hop/0");

            assertThatThrownBy(() -> http.get(URI.create(base + "/hop/4"), "*/*", OutboundHttp.Headers.NONE))
                    .isInstanceOfSatisfying(
                            OutboundFailure.class,
                            failure -> assertThat(failure.kind()).isEqualTo(OutboundFailure.Kind.TOO_MANY_REDIRECTS));
            assertThatThrownBy(() -> http.get(URI.create(base + "/to-ipv6-loopback"), "*/*", OutboundHttp.Headers.NONE))
                    .as("a redirect to an address not allowed")
                    .isInstanceOfSatisfying(
                            OutboundFailure.class,
                            failure -> assertThat(failure.kind()).isEqualTo(OutboundFailure.Kind.REFUSED_ADDRESS));

            var posted = http.post(
                    URI.create(base + "/hop/1"), "{}".getBytes(), "application/json", OutboundHttp.Headers.NONE);
            assertThat(posted.status()).as("a POST follows no redirect").isEqualTo(302);
        }
    }

    @Test
    void an_answer_too_large_or_too_slow_is_refused_and_a_slow_one_may_be_tried_again() throws Exception {
        var small = new OutboundSettings(
                List.of("127.0.0.0/8"), Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(1), 1_000, 3);
        try (var http = new OutboundHttp(small, "Chorus-test")) {
            assertThatThrownBy(() -> http.get(URI.create(base + "/big"), "*/*", OutboundHttp.Headers.NONE))
                    .isInstanceOfSatisfying(OutboundFailure.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(OutboundFailure.Kind.TOO_LARGE);
                        assertThat(failure.getMessage()).contains("larger than 1000 bytes");
                    });
            assertThatThrownBy(() -> http.get(URI.create(base + "/slow"), "*/*", OutboundHttp.Headers.NONE))
                    .isInstanceOfSatisfying(OutboundFailure.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(OutboundFailure.Kind.TIMEOUT);
                        assertThat(failure.kind().temporary()).isTrue();
                    });
        }
    }

    @Test
    void settings_with_a_network_that_is_not_one_stop_the_start() {
        assertThatThrownBy(() -> OutboundSettings.allowing("intranet.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("intranet.example");
    }
}
