package org.chorus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Html;
import org.chorus.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tomcat answers itself, before Chorus sees the request, carries the security headers of every page and says
 * nothing about the server (issue 11, hole 10). Sent over a plain socket: HTTP clients refuse to send these requests.
 */
@ChorusWebTest
class ContainerErrorPagesTest {

    static final List<String> SECURITY_HEADERS =
            List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy");

    @LocalServerPort
    int port;

    @Test
    void requests_tomcat_refuses_itself_get_a_translated_page_with_the_security_headers_of_every_page() {
        var page = RawHttp.exchange(port, "GET", "/", Map.of(), null);
        var refused = new LinkedHashMap<String, RawHttp.Response>();
        refused.put(
                "an encoded slash", RawHttp.exchange(port, "GET", "/s/..%2f..", Map.of("Accept-Language", "fr"), null));
        refused.put("a NUL in the path", RawHttp.exchange(port, "GET", "/%00", Map.of("Accept-Language", "fr"), null));
        refused.put(
                "a character no request target may hold",
                RawHttp.exchange(port, "GET", "/s/a|b{c}", Map.of("Accept-Language", "fr"), null));
        refused.put(
                "a header over the size limit",
                RawHttp.exchange(
                        port, "GET", "/", Map.of("Accept-Language", "fr", "X-Large", "x".repeat(20_000)), null));
        for (var entry : refused.entrySet()) {
            var response = entry.getValue();
            assertThat(response.status()).as(entry.getKey()).isIn(400, 431);
            for (var header : SECURITY_HEADERS) {
                assertThat(response.header(header))
                        .as("%s: %s", entry.getKey(), header)
                        .isEqualTo(page.header(header));
            }
            assertThat(response.header("Server")).as(entry.getKey()).isNull();
            assertThat(response.text()).as(entry.getKey()).doesNotContain("Tomcat", "Exception", "java.", "org.apache");
            // in French where Tomcat read the headers before refusing, else in the default language
            assertThat(Html.parse(response.text()).select("h1").text())
                    .as(entry.getKey())
                    .isIn("Requête incorrecte", "Bad request");
        }
        assertThat(Html.parse(refused.get("an encoded slash").text())
                        .select("h1")
                        .text())
                .isEqualTo("Requête incorrecte");
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }
}
