package org.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.http.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every address that takes a password, an email address or a secret token, spelled every way a path can say the same
 * thing (issue 11, hole 1: {@code POST /%6cogin} made 60 guesses in 7 s while {@code /login} answered 429). Over real
 * HTTP with the path sent as written, each spelling is refused (400) or reaches no handler (404, 405), while the
 * plain spelling reaches its handler; and none of the spellings of {@code /login} signs in past the limit.
 */
@ChorusWebTest
class SignInPathsTest {

    /** What no handler of these addresses answers: refused before any filter, or matched by no handler. */
    private static final Set<Integer> REACHED_NO_HANDLER = Set.of(400, 404, 405);

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiTokens tokens;

    @Test
    void no_spelling_of_an_address_that_takes_credentials_or_tokens_gets_around_the_limit_or_reaches_a_handler()
            throws Exception {
        var http = new RawHttp(port);
        var victim = fixtures.person("spelled-victim");
        var anonymous = session(http);
        for (int i = 0; i < 5; i++) {
            http.send("POST", "/login", signIn(victim.email(), "wrong " + i, anonymous.csrf), anonymous.cookie);
        }
        assertThat(http.send(
                                "POST",
                                "/login",
                                signIn(victim.email(), Fixtures.PASSWORD, anonymous.csrf),
                                anonymous.cookie)
                        .status())
                .as("the plain spelling past the limit")
                .isEqualTo(429);

        var person = fixtures.person("spelled");
        var signedIn = signedIn(http, person.email());
        var bearer = "Authorization: Bearer " + tokens.create(person.email(), "paths");

        record Address(String method, String path, String form, String[] headers) {}
        var addresses = List.of(
                new Address("POST", "/login", signIn(victim.email(), Fixtures.PASSWORD, anonymous.csrf), new String[] {
                    anonymous.cookie
                }),
                new Address(
                        "POST",
                        "/password/forgot",
                        "email=" + enc(victim.email()) + "&_csrf=" + anonymous.csrf,
                        new String[] {anonymous.cookie}),
                new Address("GET", "/password/reset/tok3n", null, new String[] {anonymous.cookie}),
                new Address(
                        "POST",
                        "/password/reset/tok3n",
                        "password=a+long+new+secret&_csrf=" + anonymous.csrf,
                        new String[] {anonymous.cookie}),
                new Address(
                        "POST",
                        "/signup",
                        "email=not-an-address&displayName=X&password=a+long+secret&_csrf=" + anonymous.csrf,
                        new String[] {anonymous.cookie}),
                new Address("GET", "/signup/confirm/tok3n", null, new String[] {anonymous.cookie}),
                new Address(
                        "POST",
                        "/signup/resend",
                        "email=" + enc(victim.email()) + "&_csrf=" + anonymous.csrf,
                        new String[] {anonymous.cookie}),
                new Address("GET", "/email-change/tok3n", null, new String[] {anonymous.cookie}),
                new Address(
                        "POST",
                        "/account/password",
                        "currentPassword=not+it&newPassword=a+long+new+secret&_csrf=" + signedIn.csrf,
                        new String[] {signedIn.cookie}),
                new Address(
                        "POST",
                        "/account/email",
                        "newEmail=" + enc(Fixtures.uniqueEmail("spelled-new")) + "&emailPassword=not+it&_csrf="
                                + signedIn.csrf,
                        new String[] {signedIn.cookie}),
                new Address("GET", "/api/v1/me", null, new String[] {bearer}),
                new Address("GET", "/api/v1/statements", null, new String[] {bearer}),
                new Address("POST", "/hooks/email/bounces", "x=1", new String[] {}));

        var tried = 0;
        var failures = new ArrayList<String>();
        for (var address : addresses) {
            var plain = http.send(address.method(), address.path(), address.form(), address.headers());
            assertThat(plain.status())
                    .as("the plain spelling reaches its handler: %s %s", address.method(), address.path())
                    .isNotIn(REACHED_NO_HANDLER);
            for (var spelling : spellings(address.path())) {
                tried++;
                var answer = http.send(address.method(), spelling, address.form(), address.headers());
                // a machine endpoint is exempt from CSRF by its plain path only: other spellings meet the CSRF check
                var csrfRefused = address.headers().length == 0 && answer.status() == 403;
                if (!REACHED_NO_HANDLER.contains(answer.status()) && !csrfRefused) {
                    failures.add(address.method() + " " + spelling + " answered " + answer.status());
                }
                if (answer.header("Location").filter(l -> l.endsWith("/")).isPresent()) {
                    failures.add(address.method() + " " + spelling + " signed in");
                }
            }
        }
        assertThat(failures).as("of %d spellings", tried).isEmpty();
        assertThat(tried).isGreaterThan(200);

        var stillOut = http.send("GET", "/account", null, anonymous.cookie);
        assertThat(stillOut.status()).as("no spelling signed the victim in").isEqualTo(302);
    }

    /** The same path, written every way that names it to a lenient reader. */
    static Set<String> spellings(String path) {
        var out = new LinkedHashSet<String>();
        var firstSlash = path.indexOf('/', 1);
        var first = firstSlash < 0 ? path.substring(1) : path.substring(1, firstSlash);
        var rest = firstSlash < 0 ? "" : path.substring(firstSlash);
        var last = path.lastIndexOf('/');
        // percent escapes of plain characters, in lower, upper and mixed case
        out.add("/" + escape(first.charAt(0), false) + first.substring(1) + rest);
        out.add("/" + escape(first.charAt(0), true) + first.substring(1) + rest);
        out.add(path.substring(0, path.length() - 1) + escape(path.charAt(path.length() - 1), false));
        out.add(path.substring(0, path.length() - 1) + escape(path.charAt(path.length() - 1), true));
        var mixed = new StringBuilder("/");
        for (int i = 0; i < first.length(); i++) {
            mixed.append(escape(first.charAt(i), i % 2 == 0));
        }
        out.add(mixed + rest);
        out.add(path.substring(0, last + 1) + escape(path.charAt(last + 1), true) + path.substring(last + 2));
        out.add(path + "%2e");
        out.add("/%2e" + path);
        out.add("/%2E%2E" + path);
        // path parameters
        out.add(path + ";jsessionid=0123456789ABCDEF0123456789ABCDEF");
        out.add(path + ";JSESSIONID=x");
        out.add(path + ";");
        out.add("/" + first + ";a=b" + rest);
        out.add(path.substring(0, last) + ";x=y" + path.substring(last));
        out.add("/;x" + path);
        // empty segments and trailing slashes
        out.add("/" + path);
        out.add(path.substring(0, last) + "/" + path.substring(last));
        out.add(path + "/");
        out.add(path + "//");
        // dot segments
        out.add("/." + path);
        out.add(path.substring(0, last) + "/." + path.substring(last));
        out.add(path + "/.");
        out.add("/x/.." + path);
        out.add(path + "/x/..");
        out.add("/x/..%2f" + path.substring(1));
        out.add("/x/..%2F" + path.substring(1));
        out.add("/x%2f..%2f" + path.substring(1));
        out.add("/x/%2e%2e" + path);
        out.add("/x/%2E%2e" + path);
        out.add("/x/.%2e" + path);
        out.add("/x/..;" + path);
        // escaped or reversed slashes
        out.add(path.substring(0, last) + "%2f" + path.substring(last + 1));
        out.add(path.substring(0, last) + "%2F" + path.substring(last + 1));
        out.add(path.substring(0, last) + "%5c" + path.substring(last + 1));
        out.add("/x/..%5c" + path.substring(1));
        // another case
        out.add(path.toUpperCase(Locale.ROOT));
        out.add("/" + Character.toUpperCase(first.charAt(0)) + path.substring(2));
        out.remove(path);
        return out;
    }

    private static String escape(char c, boolean upper) {
        var hex = String.format("%%%02x", (int) c);
        return upper ? hex.toUpperCase(Locale.ROOT) : hex;
    }

    private record Session(String cookie, String csrf) {}

    private static Session session(RawHttp http) throws Exception {
        var page = http.send("GET", "/login", null);
        return new Session(
                "Cookie: chorus_session=" + page.cookie("chorus_session").orElseThrow(), page.csrf());
    }

    private static Session signedIn(RawHttp http, String email) throws Exception {
        var anonymous = session(http);
        var answer = http.send("POST", "/login", signIn(email, Fixtures.PASSWORD, anonymous.csrf), anonymous.cookie);
        assertThat(answer.status()).isEqualTo(302);
        var cookie = "Cookie: chorus_session=" + answer.cookie("chorus_session").orElseThrow();
        return new Session(cookie, http.send("GET", "/account", null, cookie).csrf());
    }

    private static String signIn(String email, String password, String csrf) {
        return "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
