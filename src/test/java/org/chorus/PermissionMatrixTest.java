package org.chorus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.chorus.PermissionFixtures.Call;
import org.chorus.PermissionFixtures.Form;
import org.chorus.PermissionPolicy.Caller;
import org.chorus.PermissionPolicy.Credential;
import org.chorus.PermissionPolicy.Entry;
import org.chorus.PermissionPolicy.Outcome;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every HTTP endpoint the running application maps (its {@code RequestMappingInfoHandlerMapping}s: controllers,
 * the API's description, the actuator) × every verb it maps × every kind of caller ({@link Caller}), called through
 * MockMvc against real fixtures ({@link PermissionFixtures}); the outcome read from the response is compared with
 * the endpoint's entry in {@link PermissionPolicy}. An endpoint without an entry fails, so no module can add one
 * unchecked; so does an entry without an endpoint. docs/decisions/0009-permission-matrix.md explains the rules.
 */
@ChorusWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest {

    /** The verbs a mapping without a verb ({@code ANY}) is tried with. */
    static final List<String> ANY_VERB = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    PermissionFixtures world;
    List<Endpoint> endpoints;
    final Map<String, Entry> policy = new TreeMap<>();
    final Map<Caller, MockHttpSession> sessions = new EnumMap<>(Caller.class);
    final Map<Outcome, Integer> tally = new EnumMap<>(Outcome.class);
    final Map<String, String> rows = new TreeMap<>();
    int cells;
    long started;
    double fixtureSeconds;

    /** An endpoint and verb as the application maps it, with a variable's listed words made endpoints of their own. */
    /**
     * A verb and path, and the media type asked for when its handler produces something other than HTML; when another
     * handler answers the same verb and path (content negotiation: the JSON of {@code /places/cities} beside its page)
     * the media type is part of the key ({@code GET /places/cities application/json}).
     */
    record Endpoint(String verb, String pattern, String handler, String accept, boolean negotiated) {

        String key() {
            return verb + " " + pattern + (negotiated ? " " + accept : "");
        }

        /** The API and metrics: a stateless chain that reads bearer tokens, no session and no CSRF token. */
        boolean api() {
            return pattern.startsWith("/api/") || pattern.equals("/actuator") || pattern.startsWith("/actuator/");
        }
    }

    @BeforeAll
    void the_world_and_its_callers() throws Exception {
        var begin = System.nanoTime();
        world = new PermissionFixtures(context);
        for (var entry : PermissionPolicy.TABLE) {
            assertThat(policy.put(entry.endpoint(), entry))
                    .as("PermissionPolicy has two entries for %s", entry.endpoint())
                    .isNull();
        }
        endpoints = endpoints(context);
        for (var caller : Caller.values()) {
            if (caller.credential == Credential.SESSION) {
                sessions.put(caller, signIn(world.people.get(caller).email()));
            }
        }
        started = System.nanoTime();
        fixtureSeconds = (started - begin) / 1e9;
    }

    @Test
    void every_endpoint_has_a_policy_entry() {
        var missing = endpoints.stream()
                .filter(e -> !policy.containsKey(e.key()))
                .map(e -> "  entry(\"" + e.key() + "\", …),   // " + e.handler())
                .toList();
        assertThat(missing)
                .as("endpoints without a policy: add an entry for each to PermissionPolicy.TABLE"
                        + " (src/test/java/org/chorus/PermissionPolicy.java), saying who may call it")
                .isEmpty();
    }

    @Test
    void every_verb_path_and_media_type_is_answered_by_one_handler() {
        // two handlers told apart only by params or headers would be called once by the matrix, the other never;
        // handlers told apart by what they produce are two endpoints (the media type is in the key, and asked for)
        var handlers = new TreeMap<String, java.util.Set<String>>();
        mapped(context)
                .forEach(e -> handlers.computeIfAbsent(e.key(), k -> new java.util.TreeSet<>())
                        .add(e.handler()));
        assertThat(handlers.entrySet().stream()
                        .filter(e -> e.getValue().size() > 1)
                        .map(e -> e.getKey() + " " + e.getValue())
                        .toList())
                .as("endpoints answered by two handlers, which the matrix cannot both call")
                .isEmpty();
    }

    @Test
    void every_policy_entry_has_an_endpoint() {
        var mapped = endpoints.stream().map(Endpoint::key).toList();
        assertThat(policy.keySet().stream().filter(key -> !mapped.contains(key)).toList())
                .as("policy entries that match no endpoint the application maps: remove or correct them in"
                        + " PermissionPolicy.TABLE")
                .isEmpty();
    }

    @Test
    void every_path_variable_has_a_fixture() {
        var missing = new TreeSet<String>();
        for (var endpoint : endpoints) {
            for (var variable : variables(endpoint.pattern())) {
                if (!world.variables.containsKey(variable)) {
                    missing.add(variable + "   // " + endpoint.key());
                }
            }
        }
        assertThat(missing)
                .as("path variables without a fixture: add each (keyed by the pattern up to the variable) to"
                        + " PermissionFixtures (src/test/java/org/chorus/PermissionFixtures.java)")
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> each_caller_gets_what_the_policy_says_on_every_endpoint() {
        return endpoints.stream()
                .filter(e -> policy.containsKey(e.key()))
                .map(e -> DynamicTest.dynamicTest(e.key(), () -> check(e, policy.get(e.key()))));
    }

    /** How target/permission-matrix.md shows refusals; a call let through shows its status, in bold. */
    private static final Map<Outcome, String> SHORT = Map.of(
            Outcome.SIGN_IN, "sign-in",
            Outcome.UNAUTHORIZED, "401",
            Outcome.DENIED, "403",
            Outcome.HIDDEN, "404");

    @AfterAll
    void report() throws java.io.IOException {
        var seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "Permission matrix: %d endpoints and verbs, %d callers, %d cells in %.1f s (fixtures and sign-ins"
                        + " %.1f s); outcomes %s%n",
                endpoints.size(), Caller.values().length, cells, seconds, fixtureSeconds, tally);
        // the whole matrix as it came out, for reading: target/permission-matrix.md
        var header = "| endpoint | rule | "
                + String.join(" | ", Stream.of(Caller.values()).map(Enum::name).toList()) + " |\n|---|---|"
                + "---|".repeat(Caller.values().length) + "\n";
        java.nio.file.Files.writeString(
                java.nio.file.Path.of("target", "permission-matrix.md"),
                header + String.join("\n", rows.values()) + "\n");
    }

    private void check(Endpoint endpoint, Entry entry) throws Exception {
        var mismatches = new ArrayList<String>();
        var seen = new EnumMap<Caller, java.util.Set<String>>(Caller.class);
        for (var request : requests(endpoint)) {
            for (var caller : Caller.values()) {
                var expected = entry.rule().expected(caller.seenBy(endpoint.api()), endpoint.api());
                var response = call(endpoint, request, caller);
                cells++;
                var actual = outcome(response.status(), response.location());
                if (actual != null) {
                    tally.merge(actual, 1, Integer::sum);
                }
                if (actual == Outcome.ALLOWED) {
                    for (var part : entry.parts()) {
                        var shown = response.body().contains(part.markup());
                        if (shown != part.rule().allows().test(caller.seenBy(endpoint.api()))) {
                            mismatches.add("%-16s %s %s on %s %s"
                                    .formatted(
                                            caller,
                                            shown ? "sees" : "does not see",
                                            part.markup(),
                                            response.verb(),
                                            response.path()));
                        }
                    }
                }
                seen.computeIfAbsent(caller, c -> new TreeSet<>())
                        .add(
                                actual == Outcome.ALLOWED
                                        ? "**" + response.status() + "**"
                                        : actual == null ? response.status() + "?" : SHORT.get(actual));
                if (actual != expected) {
                    mismatches.add("%-16s expected %-12s got %-12s %s %s%s  (%d%s)"
                            .formatted(
                                    caller,
                                    expected,
                                    actual == null ? "no outcome" : actual,
                                    response.verb(),
                                    response.path(),
                                    response.params().isEmpty() ? "" : " " + response.params(),
                                    response.status(),
                                    response.location() == null ? "" : " → " + response.location()));
                }
            }
        }
        rows.put(
                endpoint.key(),
                "| `%s` | %s | %s |"
                        .formatted(
                                endpoint.key().replace("|", "\\|"),
                                entry.rule(),
                                String.join(
                                        " | ",
                                        seen.values().stream()
                                                .map(s -> String.join(", ", s))
                                                .toList())));
        assertThat(mismatches)
                .as(
                        "%s (%s) by rule %s: every line is a caller who got something else than the policy says. A status"
                                + " that is no outcome (5xx, 400, 405) is a bug or a request the fixtures make wrong",
                        endpoint.key(), endpoint.handler(), entry.rule())
                .isEmpty();
    }

    /**
     * The outcome of a call, from the response alone: a redirect to the sign-in page, 401, 403 and 404 are refusals;
     * any other 2xx or 3xx, and 409, 410, 422 or 429 (a conflict, a gone link, a form error, a rate limit: answers
     * the use case gives once the permission check has passed) mean the caller was let through. Anything else is no
     * permission outcome at all.
     */
    static Outcome outcome(int status, String location) {
        if (status >= 300 && status < 400) {
            return location != null && URI.create(location).getPath().equals("/login")
                    ? Outcome.SIGN_IN
                    : Outcome.ALLOWED;
        }
        return switch (status) {
            case 401 -> Outcome.UNAUTHORIZED;
            case 403 -> Outcome.DENIED;
            case 404 -> Outcome.HIDDEN;
            case 409, 410, 422, 429 -> Outcome.ALLOWED;
            default -> status >= 200 && status < 300 ? Outcome.ALLOWED : null;
        };
    }

    /**
     * One request an endpoint is tried with (by every caller): its verb, fixed path variables, and its form (made for
     * each call, so each may have its own unique values).
     */
    record Request(String verb, Map<String, String> fixed, java.util.function.Function<Call, Form> form) {}

    /** What a call sent and got. */
    record Response(String verb, String path, Map<String, String> params, int status, String location, String body) {}

    private List<Request> requests(Endpoint endpoint) {
        var fixedValues = new ArrayList<Map<String, String>>();
        fixedValues.add(new LinkedHashMap<>());
        for (var variable : variables(endpoint.pattern())) {
            var fixture = world.variables.get(variable);
            if (fixture == null || fixture.fixed().isEmpty()) {
                continue;
            }
            var expanded = new ArrayList<Map<String, String>>();
            for (var known : fixedValues) {
                for (var value : fixture.fixed()) {
                    var more = new LinkedHashMap<>(known);
                    more.put(variable, value);
                    expanded.add(more);
                }
            }
            fixedValues = expanded;
        }
        var verbs = endpoint.verb().equals("ANY") ? ANY_VERB : List.of(endpoint.verb());
        var forms = world.forms.getOrDefault(endpoint.key(), List.of(call -> Form.NONE));
        var requests = new ArrayList<Request>();
        for (var verb : verbs) {
            for (var known : fixedValues) {
                for (var form : forms) {
                    requests.add(new Request(verb, known, form));
                }
            }
        }
        return requests;
    }

    private Response call(Endpoint endpoint, Request request, Caller caller) throws Exception {
        var values = new LinkedHashMap<String, String>();
        var path = new StringBuilder();
        for (var part : parts(endpoint.pattern())) {
            if (part.variable() == null) {
                path.append(part.literal());
                continue;
            }
            var value = request.fixed().get(part.key());
            if (value == null) {
                var fixture = world.variables.get(part.key());
                assertThat(fixture).as("no fixture for %s", part.key()).isNotNull();
                value = fixture.perCall().apply(new Call(endpoint.key(), names(values, request.fixed()), caller));
            }
            values.put(part.key(), value);
            path.append(value);
        }
        var form = request.form().apply(new Call(endpoint.key(), names(values, request.fixed()), caller));
        var builder = MockMvcRequestBuilders.request(HttpMethod.valueOf(request.verb()), URI.create(path.toString()));
        form.params().forEach(builder::param);
        form.headers().forEach(builder::header);
        if (endpoint.accept() != null) {
            builder.accept(endpoint.accept());
        }
        if (form.json() != null) {
            builder.contentType(MediaType.APPLICATION_JSON).content(form.json());
        }
        switch (caller.credential) {
            case SESSION -> {
                var session = sessions.get(caller);
                builder.session(session).cookie(new Cookie("chorus_session", session.getId()));
            }
            case TOKEN -> builder.header("Authorization", "Bearer " + world.tokens.get(caller));
            case NONE -> {}
        }
        if (!endpoint.api() && !request.verb().equals("GET")) {
            builder.with(csrf());
        }
        var response = mvc.perform(builder).andReturn().getResponse();
        return new Response(
                request.verb(),
                path.toString(),
                form.params(),
                response.getStatus(),
                response.getHeader("Location"),
                response.getContentAsString());
    }

    private MockHttpSession signIn(String email) throws Exception {
        var result = mvc.perform(post("/login")
                        .session(new MockHttpSession())
                        .with(csrf())
                        .param("email", email)
                        .param("password", Fixtures.PASSWORD))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl())
                .as("%s signs in", email)
                .isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** Path variables by their own name ({@code slug}), as fixtures read them, from the keys they are stored by. */
    private static Map<String, String> names(Map<String, String> byKey) {
        var named = new LinkedHashMap<String, String>();
        byKey.forEach((key, value) ->
                named.put(key.endsWith("}") ? key.substring(key.lastIndexOf('{') + 1, key.length() - 1) : "**", value));
        return named;
    }

    private static Map<String, String> names(Map<String, String> resolved, Map<String, String> fixed) {
        var all = new LinkedHashMap<>(names(fixed));
        all.putAll(names(resolved));
        return all;
    }

    // ---- the endpoints, from the handler mappings ----

    private static final Pattern WORDS = Pattern.compile("[\\w-]+(\\|[\\w-]+)+");

    /**
     * A piece of a path pattern: literal text, or a variable with its regular expression, if any, and its key (the
     * pattern up to and including it, regular expressions left out: {@code /s/{slug}/{language}}).
     */
    record Part(String literal, String variable, String regex, String key) {}

    static List<Endpoint> endpoints(ApplicationContext context) {
        var found = new TreeMap<String, Endpoint>();
        mapped(context).forEach(endpoint -> found.putIfAbsent(endpoint.key(), endpoint));
        return List.copyOf(found.values());
    }

    /** Every handler of every verb and path the application maps, one endpoint each (keys may repeat). */
    static List<Endpoint> mapped(ApplicationContext context) {
        var all = new ArrayList<Endpoint>();
        for (var mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, method) -> {
                var verbs = info.getMethodsCondition().getMethods().stream()
                        .map(Enum::name)
                        .toList();
                var handler = method.getBeanType().getSimpleName() + "."
                        + method.getMethod().getName();
                var accept = accept(info);
                for (var pattern : info.getPatternValues()) {
                    for (var expanded : expand(pattern)) {
                        for (var verb : verbs.isEmpty() ? List.of("ANY") : verbs) {
                            all.add(new Endpoint(verb, expanded, handler, accept, false));
                        }
                    }
                }
            });
        }
        var handlers = new java.util.HashMap<String, Long>();
        all.forEach(e -> handlers.merge(e.verb() + " " + e.pattern(), 1L, Long::sum));
        return all.stream()
                .map(e -> handlers.get(e.verb() + " " + e.pattern()) > 1 && e.accept() != null
                        ? new Endpoint(e.verb(), e.pattern(), e.handler(), e.accept(), true)
                        : e)
                .toList();
    }

    /** The media type to ask a handler for: what it produces, unless that is HTML or anything (then none). */
    static String accept(org.springframework.web.servlet.mvc.method.RequestMappingInfo info) {
        return info.getProducesCondition().getProducibleMediaTypes().stream()
                .filter(type -> !type.isCompatibleWith(MediaType.TEXT_HTML))
                .map(MediaType::toString)
                .findFirst()
                .orElse(null);
    }

    /** The pattern once for each word a variable lists ({@code {step:submit|approve}}), else as it is. */
    static List<String> expand(String pattern) {
        for (var part : parts(pattern)) {
            if (part.variable() != null
                    && part.regex() != null
                    && WORDS.matcher(part.regex()).matches()) {
                var raw = "{" + part.variable() + ":" + part.regex() + "}";
                return Stream.of(part.regex().split("\\|"))
                        .flatMap(word -> expand(pattern.replace(raw, word)).stream())
                        .toList();
            }
        }
        return List.of(pattern);
    }

    /** The keys of a pattern's variables, in order: the pattern up to each, regular expressions left out. */
    static List<String> variables(String pattern) {
        return parts(pattern).stream()
                .filter(p -> p.variable() != null)
                .map(Part::key)
                .toList();
    }

    static List<Part> parts(String pattern) {
        var parts = new ArrayList<Part>();
        var plain = new StringBuilder();
        var key = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '*') {
                // a wildcard ("/actuator/health/**") needs a value as much as a variable does
                int end = i;
                while (end < pattern.length() && pattern.charAt(end) == '*') {
                    end++;
                }
                var wildcard = pattern.substring(i, end);
                if (!plain.isEmpty()) {
                    parts.add(new Part(plain.toString(), null, null, null));
                }
                key.append(plain).append(wildcard);
                parts.add(new Part(null, wildcard, null, key.toString()));
                plain.setLength(0);
                i = end;
                continue;
            }
            if (c != '{') {
                plain.append(c);
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            do {
                depth += pattern.charAt(end) == '{' ? 1 : pattern.charAt(end) == '}' ? -1 : 0;
                end++;
            } while (depth > 0);
            var inside = pattern.substring(i + 1, end - 1);
            var colon = inside.indexOf(':');
            var name = colon < 0 ? inside : inside.substring(0, colon);
            var regex = colon < 0 ? null : inside.substring(colon + 1);
            if (!plain.isEmpty()) {
                parts.add(new Part(plain.toString(), null, null, null));
            }
            key.append(plain).append('{').append(name).append('}');
            parts.add(new Part(null, name, regex, key.toString()));
            plain.setLength(0);
            i = end;
        }
        if (!plain.isEmpty()) {
            parts.add(new Part(plain.toString(), null, null, null));
        }
        return parts;
    }
}
