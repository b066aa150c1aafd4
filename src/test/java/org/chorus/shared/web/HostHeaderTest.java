package org.chorus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.RawHttp;
import org.chorus.support.ReceivedMail;
import org.chorus.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No redirect and no link takes its host from the request's {@code Host} header, which anyone can set (issue 11, hole
 * 10): redirects are paths, and links in letters use the configured base address.
 */
@ChorusWebTest
class HostHeaderTest {

    static final String EVIL = "evil.example";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Value("${chorus.base-url}")
    String baseUrl;

    /** A browser that says it is visiting evil.example: its cookies, its CSRF token. */
    final class Visitor {
        final Map<String, String> cookies = new LinkedHashMap<>();
        String csrf;

        RawHttp.Response send(String method, String target, String form) {
            var headers = new LinkedHashMap<String, String>();
            headers.put("Host", EVIL);
            if (!cookies.isEmpty()) {
                headers.put(
                        "Cookie",
                        String.join(
                                "; ",
                                cookies.entrySet().stream()
                                        .map(c -> c.getKey() + "=" + c.getValue())
                                        .toList()));
            }
            if (form != null) {
                headers.put("Content-Type", "application/x-www-form-urlencoded");
            }
            var response = exchange(
                    method,
                    target,
                    headers,
                    form == null
                            ? null
                            : (form + (csrf == null ? "" : "&_csrf=" + csrf)).getBytes(StandardCharsets.UTF_8));
            for (var cookie : response.all("Set-Cookie")) {
                var pair = cookie.split(";")[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            var input = Html.parse(response.text()).selectFirst("input[name=_csrf]");
            if (input != null) {
                csrf = input.val();
            }
            return response;
        }
    }

    private RawHttp.Response exchange(String method, String target, Map<String, String> headers, byte[] body) {
        return RawHttp.exchange(port, method, target, headers, body);
    }

    @Test
    void every_redirect_of_signing_in_and_out_is_a_path_whatever_host_the_request_names() {
        var person = fixtures.person("host");
        var visitor = new Visitor();
        var locations = new LinkedHashMap<String, String>();
        // a page that needs someone: to the sign-in page, which brings the person back afterwards
        locations.put(
                "GET /account, signed out",
                visitor.send("GET", "/account", null).header("Location"));
        visitor.send("GET", "/login", null);
        locations.put(
                "a wrong password",
                visitor.send("POST", "/login", "email=" + person.email() + "&password=wrong")
                        .header("Location"));
        visitor.send("GET", "/login", null);
        locations.put(
                "signing in, back to the page asked for",
                visitor.send(
                                "POST",
                                "/login",
                                "email=" + person.email() + "&password=" + Fixtures.PASSWORD.replace(' ', '+'))
                        .header("Location"));
        visitor.send("GET", "/account", null);
        locations.put(
                "a form that redirects",
                visitor.send("POST", "/account", "displayName=Host&language=en").header("Location"));
        locations.put("signing out", visitor.send("POST", "/logout", "").header("Location"));
        assertThat(locations).doesNotContainValue(null);
        locations.forEach((what, location) -> assertThat(location)
                .as(what)
                .doesNotContain(EVIL)
                .startsWith("/")
                .doesNotStartWith("//"));
        assertThat(locations.get("signing in, back to the page asked for")).startsWith("/account");
    }

    @Test
    void links_in_letters_use_the_configured_address_and_not_the_requests_host() {
        var person = fixtures.person("forgetting");
        var visitor = new Visitor();
        visitor.send("GET", "/password/forgot", null);
        visitor.send("POST", "/password/forgot", "email=" + person.email());
        var letter = ReceivedMail.text(TestMail.awaitOne(person.email()));
        assertThat(letter).doesNotContain(EVIL).contains(baseUrl + "/password/reset/");
    }
}
