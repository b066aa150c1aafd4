package org.chorus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.chorus.PermissionFixtures.Call;
import org.chorus.PermissionFixtures.Form;
import org.chorus.PermissionPolicy.Caller;
import org.chorus.PermissionPolicy.Credential;
import org.chorus.PermissionPolicy.Outcome;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.chorus.support.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.PathVariableMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

/**
 * Input no person types reaches no endpoint as a server error (issue 11, hole 7). Every endpoint the handler mappings
 * hold (plus Spring Security's sign-in), called over real HTTP as a caller the permission policy lets through (so the
 * request reaches the handler), gets in each of its parameters, one at a time, a NUL byte, another control character,
 * an oversized value, a date and a number that overflow, and malformed UTF-8; every path variable gets the same; every
 * form gets a body over the form limit. The parameters are those the handler declares, as Spring resolves them:
 * request parameters, the components of form records and query objects, uploaded files, the fields of a JSON body.
 * No answer may be a 5xx, show a stack trace, or show a message key where a translated message belongs.
 */
@ChorusWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    /** A bad value, as raw bytes: percent-encoded in addresses and forms, as is in uploads and JSON strings. */
    record Bad(String name, byte[] raw) {

        static Bad of(String name, String text) {
            return new Bad(name, text.getBytes(StandardCharsets.UTF_8));
        }

        String encoded() {
            var out = new StringBuilder();
            for (byte b : raw) {
                char c = (char) (b & 0xff);
                if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                    out.append(c);
                } else {
                    out.append('%').append(String.format("%02X", (int) c));
                }
            }
            return out.toString();
        }
    }

    static final List<Bad> VALUES = List.of(
            Bad.of("NUL", "a\u0000b"),
            Bad.of("a lone NUL", "\u0000"),
            Bad.of("ESC", "a\u001bb"),
            Bad.of("date overflow", "+999999999-12-31T23:59"),
            Bad.of("number overflow", "99999999999999999999"),
            new Bad("malformed UTF-8 %C3%28", new byte[] {'a', (byte) 0xC3, '(', 'b'}),
            new Bad("malformed UTF-8 %FF", new byte[] {(byte) 0xFF}),
            Bad.of("10 kB", "x".repeat(10_000)),
            Bad.of("1 MB", "x".repeat(1 << 20)));

    /** What a path variable gets: the same, but no longer than a request line may be. */
    static final List<Bad> PATH_VALUES =
            VALUES.stream().filter(v -> v.raw().length < 1 << 20).toList();

    static final int OVER_THE_FORM_LIMIT = 3 << 20;

    /** What separates the words a message key could be ({@code statement.body.too-long}) in a page's text. */
    static final Pattern WORDS = Pattern.compile("[^a-z0-9.-]+");

    static final Pattern STACK_TRACE =
            Pattern.compile("\\bat (org|java|jdk|jakarta)\\.|Exception\\b|java\\.lang\\.|Apache Tomcat");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    PermissionFixtures world;
    final Map<Caller, Session> sessions = new EnumMap<>(Caller.class);
    final Set<String> messageKeys = new TreeSet<>();
    final Map<Integer, Integer> statuses = new TreeMap<>();
    final List<String> failures = new ArrayList<>();
    int requests;

    /** A browser's session over raw HTTP: its cookies and its CSRF token. */
    final class Session {
        final Map<String, String> cookies = new LinkedHashMap<>();
        String csrf;

        String cookieHeader() {
            return String.join(
                    "; ",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .toList());
        }

        RawHttp.Response send(String method, String target, Map<String, String> headers, byte[] body) {
            var all = new LinkedHashMap<>(headers);
            if (!cookies.isEmpty()) {
                all.put("Cookie", cookieHeader());
            }
            if (csrf != null && !method.equals("GET")) {
                all.put("X-CSRF-TOKEN", csrf);
            }
            var response = RawHttp.exchange(port, method, target, all, body);
            for (var cookie : response.all("Set-Cookie")) {
                var pair = cookie.split(";")[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            return response;
        }

        String csrfOf(RawHttp.Response page) {
            var input = Html.parse(page.text()).selectFirst("input[name=_csrf]");
            assertThat(input).as("a CSRF token on the page").isNotNull();
            return input.val();
        }
    }

    @BeforeAll
    void the_world_its_callers_and_the_messages() throws Exception {
        world = new PermissionFixtures(context);
        for (var caller : List.of(Caller.ANONYMOUS, Caller.MEMBER, Caller.OWNER, Caller.SITE_ADMIN)) {
            sessions.put(caller, signedIn(caller));
        }
        for (var bundle :
                new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*_en.properties")) {
            var properties = new Properties();
            try (var in = bundle.getInputStream()) {
                properties.load(in);
            }
            messageKeys.addAll(properties.stringPropertyNames());
            // webhook event types look like keys but are names on the wire, shown as such on the webhooks page
            messageKeys.removeAll(org.chorus.webhooks.ManagingWebhooks.EVENT_TYPES);
        }
    }

    private Session signedIn(Caller caller) {
        var session = new Session();
        session.csrf = session.csrfOf(session.send("GET", "/login", Map.of(), null));
        if (caller != Caller.ANONYMOUS) {
            var signedIn = session.send(
                    "POST",
                    "/login",
                    Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    form(Map.of("email", world.people.get(caller).email(), "password", Fixtures.PASSWORD)));
            assertThat(signedIn.header("Location")).as("%s signs in", caller).isEqualTo("/");
            session.csrf = session.csrfOf(session.send("GET", "/account", Map.of(), null));
        }
        return session;
    }

    /**
     * Wrong passwords sent to the forms that check one (bad values of the current password) end a session after five
     * (a stolen session's guesses); the next endpoint must still be reached, so that caller signs in again.
     */
    private void keepSignedIn(Caller caller) {
        if (caller == Caller.ANONYMOUS || !sessions.containsKey(caller)) {
            return;
        }
        if (sessions.get(caller).send("GET", "/account", Map.of(), null).status() != 200) {
            sessionsRenewed++;
            sessions.put(caller, signedIn(caller));
        }
    }

    int sessionsRenewed;

    /** An endpoint with the handler that answers it. */
    record Endpoint(String verb, String pattern, HandlerMethod handler) {

        String key() {
            return verb + " " + pattern;
        }

        boolean api() {
            return pattern.startsWith("/api/") || pattern.startsWith("/actuator");
        }
    }

    /** What an endpoint reads: its request parameters (uploads apart) and the fields of its JSON body. */
    record Inputs(Set<String> parameters, Set<String> files, boolean json) {}

    @Test
    void no_bad_input_in_any_parameter_or_path_of_any_endpoint_is_answered_with_a_server_error() throws Exception {
        var endpoints = endpoints();
        var parametersSeen = 0;
        for (var endpoint : endpoints) {
            var inputs = inputs(endpoint);
            parametersSeen += inputs.parameters().size() + inputs.files().size();
            var caller = callerFor(endpoint);
            keepSignedIn(caller);
            for (var parameter : inputs.parameters()) {
                for (var bad : VALUES) {
                    send(endpoint, caller, inputs, parameter, bad, null);
                }
            }
            for (var file : inputs.files()) {
                for (var bad : VALUES) {
                    send(endpoint, caller, inputs, file, bad, null);
                }
            }
            for (var variable : PermissionMatrixTest.variables(endpoint.pattern())) {
                for (var bad : PATH_VALUES) {
                    send(endpoint, caller, inputs, null, null, Map.entry(variable, bad));
                }
            }
            if (!endpoint.verb().equals("GET")) {
                send(
                        endpoint,
                        caller,
                        inputs,
                        "filler",
                        Bad.of("a body of 3 MB", "x".repeat(OVER_THE_FORM_LIMIT)),
                        null);
            }
        }
        var fiveHundreds = statuses.entrySet().stream()
                .filter(s -> s.getKey() >= 500)
                .mapToInt(Map.Entry::getValue)
                .sum();
        System.out.printf(
                "bad inputs: %d requests over %d endpoints (%d parameters), 500s: %d; statuses %s; sessions renewed %d%n",
                requests, endpoints.size(), parametersSeen, fiveHundreds, statuses, sessionsRenewed);
        assertThat(failures)
                .as("answers to bad input that are a server error, show a stack trace or a message key")
                .isEmpty();
    }

    // ---- sending ----

    private void send(
            Endpoint endpoint,
            Caller caller,
            Inputs inputs,
            String parameter,
            Bad bad,
            Map.Entry<String, Bad> badVariable) {
        var call = new LinkedHashMap<String, String>();
        // fixed values first: a value made per call may depend on them (a comment to ban has its own author)
        for (var variable : PermissionMatrixTest.variables(endpoint.pattern())) {
            var fixture = world.variables.get(variable);
            if (badVariable != null && badVariable.getKey().equals(variable)) {
                call.put(variable, badVariable.getValue().encoded());
            } else if (!fixture.fixed().isEmpty()) {
                call.put(variable, fixture.fixed().getFirst());
            }
        }
        var path = new StringBuilder();
        for (var part : PermissionMatrixTest.parts(endpoint.pattern())) {
            if (part.variable() == null) {
                path.append(part.literal());
                continue;
            }
            var value = call.get(part.key());
            if (value == null) {
                value = world.variables.get(part.key()).perCall().apply(new Call(endpoint.key(), names(call), caller));
                call.put(part.key(), value);
            }
            path.append(value);
        }
        var forms = world.forms.get(endpoint.key());
        var form = forms == null ? Form.NONE : forms.getFirst().apply(new Call(endpoint.key(), names(call), caller));
        var headers = new LinkedHashMap<>(form.headers());
        if (endpoint.pattern().startsWith("/hooks/email/")) {
            headers.put(
                    "Authorization",
                    "Bearer " + context.getEnvironment().getProperty("chorus.mail.bounces.webhook-secret"));
        }
        if (caller.credential == Credential.TOKEN) {
            headers.put("Authorization", "Bearer " + world.tokens.get(caller));
        }
        var fields = new LinkedHashMap<String, byte[]>();
        form.params().forEach((name, value) -> fields.put(name, value.getBytes(StandardCharsets.UTF_8)));
        if (parameter != null && !inputs.json()) {
            fields.put(parameter, bad.raw());
        }
        var target = path.toString();
        byte[] body = null;
        if (inputs.json()) {
            headers.put("Content-Type", "application/json");
            body = json(form.json(), parameter, bad);
        } else if (endpoint.verb().equals("GET")) {
            if (!fields.isEmpty()) {
                target += "?" + encoded(fields);
            }
        } else if (!inputs.files().isEmpty()) {
            var boundary = "----bad-input-" + System.nanoTime();
            headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
            body = multipart(boundary, fields, inputs.files());
        } else {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            body = encoded(fields).getBytes(StandardCharsets.ISO_8859_1);
        }
        var session = caller.credential == Credential.SESSION || !endpoint.api() ? sessions.get(caller) : null;
        requests++;
        var what = "%s %s as %s, %s"
                .formatted(
                        endpoint.verb(),
                        endpoint.pattern(),
                        caller,
                        badVariable != null
                                ? "{" + badVariable.getKey() + "} = "
                                        + badVariable.getValue().name()
                                : parameter + " = " + bad.name());
        RawHttp.Response response;
        try {
            response = session == null
                    ? RawHttp.exchange(port, endpoint.verb(), target, headers, body)
                    : session.send(endpoint.verb(), target, headers, body);
        } catch (java.io.UncheckedIOException unanswered) {
            failures.add("no answer  %s: %s".formatted(what, unanswered.getCause()));
            return;
        }
        statuses.merge(response.status(), 1, Integer::sum);
        check(what, response);
    }

    private void check(String what, RawHttp.Response response) {
        if (response.status() >= 500) {
            failures.add("%d  %s".formatted(response.status(), what));
            return;
        }
        var type = response.header("Content-Type");
        var text = type != null && type.startsWith("text/html")
                ? Html.parse(response.text()).text()
                : type != null && type.contains("json") ? readable(response.text()) : response.text();
        if (STACK_TRACE.matcher(text).find()) {
            failures.add("%d  %s: shows a stack trace or the server: %s"
                    .formatted(response.status(), what, abbreviated(text)));
        }
        var keys = new TreeSet<String>();
        for (var word : WORDS.split(text)) {
            var candidate = word.replaceAll("^[.-]+|[.-]+$", "");
            if (candidate.indexOf('.') > 0 && messageKeys.contains(candidate)) {
                keys.add(candidate);
            }
        }
        if (!keys.isEmpty()) {
            failures.add("%d  %s: shows message keys %s".formatted(response.status(), what, keys));
        }
        if (response.status() >= 400 && response.status() != 401 && response.status() != 404 && text.isBlank()) {
            failures.add("%d  %s: says nothing".formatted(response.status(), what));
        }
    }

    /**
     * The text of a JSON answer a person reads: every string but a Problem's {@code code}, which is the message key on
     * purpose (for programs), and its {@code type} and {@code instance} (addresses).
     */
    private static String readable(String json) {
        try {
            var out = new StringBuilder();
            collect(new tools.jackson.databind.ObjectMapper().readTree(json), null, out);
            return out.toString();
        } catch (tools.jackson.core.JacksonException notJson) {
            return json;
        }
    }

    private static void collect(tools.jackson.databind.JsonNode node, String name, StringBuilder out) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                collect(field.getValue(), field.getKey(), out);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, name, out));
        } else if (node.isString() && !List.of("code", "type", "instance").contains(name)) {
            out.append(node.asString()).append('\n');
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    // ---- the endpoints and what they read, from the handler mappings ----

    private List<Endpoint> endpoints() {
        var found = new TreeMap<String, Endpoint>();
        for (var mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, method) -> {
                var verbs = info.getMethodsCondition().getMethods().stream()
                        .map(Enum::name)
                        .toList();
                for (var pattern : info.getPatternValues()) {
                    for (var expanded : PermissionMatrixTest.expand(pattern)) {
                        for (var verb : verbs.isEmpty() ? List.of("GET", "POST") : verbs) {
                            found.putIfAbsent(verb + " " + expanded, new Endpoint(verb, expanded, method));
                        }
                    }
                }
            });
        }
        // Spring Security's sign-in is a filter, not a handler: it reads these two
        found.put("POST /login", new Endpoint("POST", "/login", null));
        return List.copyOf(found.values());
    }

    private Inputs inputs(Endpoint endpoint) {
        var parameters = new LinkedHashSet<String>();
        var files = new LinkedHashSet<String>();
        var json = false;
        if (endpoint.handler() == null) {
            return new Inputs(new LinkedHashSet<>(List.of("email", "password")), files, false);
        }
        var resolvers = context.getBean(RequestMappingHandlerAdapter.class).getArgumentResolvers();
        for (var parameter : endpoint.handler().getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            var resolver = resolvers.stream()
                    .filter(r -> r.supportsParameter(parameter))
                    .findFirst()
                    .orElse(null);
            switch (resolver) {
                case RequestParamMethodArgumentResolver ignored -> {
                    var name = requestParameterName(parameter);
                    if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                        files.add(name);
                    } else {
                        parameters.add(name);
                    }
                }
                case ModelAttributeMethodProcessor ignored -> {
                    var type = parameter.getParameterType();
                    if (type.isRecord()) {
                        for (var component : type.getRecordComponents()) {
                            parameters.add(component.getName());
                        }
                    }
                }
                case RequestResponseBodyMethodProcessor ignored -> json = true;
                case PathVariableMethodArgumentResolver ignored -> {}
                case null, default -> {}
            }
        }
        var fixture = world.forms.get(endpoint.key());
        // the actuator's operations take an optional body they do not read on GET; only a body with a fixture counts
        json = json && fixture != null;
        if (json) {
            var body = fixture.getFirst()
                    .apply(new Call(endpoint.key(), Map.of(), Caller.ANONYMOUS))
                    .json();
            var fields = Pattern.compile("\"([A-Za-z]+)\"\\s*:").matcher(body);
            while (fields.find()) {
                parameters.add(fields.group(1));
            }
        }
        return new Inputs(parameters, files, json);
    }

    private static String requestParameterName(MethodParameter parameter) {
        var annotation = parameter.getParameterAnnotation(RequestParam.class);
        if (annotation != null && !annotation.name().isEmpty()) {
            return annotation.name();
        }
        return parameter.getParameterName();
    }

    /** The first caller the policy lets through, so the bad input reaches the handler and not a refusal. */
    private static Caller callerFor(Endpoint endpoint) {
        if (endpoint.handler() == null) {
            return Caller.ANONYMOUS;
        }
        var entry = PermissionPolicy.TABLE.stream()
                .filter(e -> e.endpoint().equals(endpoint.key()) || e.endpoint().equals("ANY " + endpoint.pattern()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no policy for " + endpoint.key()));
        var candidates = endpoint.api()
                ? List.of(Caller.TOKEN, Caller.SITE_ADMIN_TOKEN)
                : List.of(Caller.OWNER, Caller.MEMBER, Caller.SITE_ADMIN);
        return candidates.stream()
                .filter(c -> entry.rule().expected(c.seenBy(endpoint.api()), endpoint.api()) == Outcome.ALLOWED)
                .findFirst()
                .orElse(Caller.ANONYMOUS);
    }

    // ---- bodies ----

    private static Map<String, String> names(Map<String, String> byKey) {
        var named = new LinkedHashMap<String, String>();
        byKey.forEach((key, value) ->
                named.put(key.endsWith("}") ? key.substring(key.lastIndexOf('{') + 1, key.length() - 1) : "**", value));
        return named;
    }

    private static byte[] form(Map<String, String> fields) {
        var raw = new LinkedHashMap<String, byte[]>();
        fields.forEach((name, value) -> raw.put(name, value.getBytes(StandardCharsets.UTF_8)));
        return encoded(raw).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String encoded(Map<String, byte[]> fields) {
        return String.join(
                "&",
                fields.entrySet().stream()
                        .map(f -> new Bad(f.getKey(), f.getKey().getBytes(StandardCharsets.UTF_8)).encoded() + "="
                                + new Bad(f.getKey(), f.getValue()).encoded())
                        .toList());
    }

    private static byte[] multipart(String boundary, Map<String, byte[]> fields, Set<String> files) {
        var out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            var head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (files.contains(name) ? "; filename=\"export.xml\"\r\nContent-Type: text/xml" : "")
                    + "\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(value);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The JSON body with one field's string value replaced by the bad bytes (JSON-escaped where JSON says so). */
    private static byte[] json(String json, String field, Bad bad) {
        if (field == null) {
            return json.getBytes(StandardCharsets.UTF_8);
        }
        var marker = "\u0001MARK\u0001";
        var replaced = json.replaceFirst(
                "(\"" + Pattern.quote(field) + "\"\\s*:\\s*)\"[^\"]*\"", "$1\"" + marker.replace("\\", "\\\\") + "\"");
        var at = replaced.indexOf(marker);
        if (at < 0) {
            // no such field (a body over the limit): the bytes go in as white space, which JSON allows anywhere
            return (json + " ".repeat(bad.raw().length)).getBytes(StandardCharsets.UTF_8);
        }
        var out = new ByteArrayOutputStream();
        out.writeBytes(replaced.substring(0, at).getBytes(StandardCharsets.UTF_8));
        for (byte b : bad.raw()) {
            if ((b & 0xff) < 0x20) {
                out.writeBytes(String.format("\\u%04x", b & 0xff).getBytes(StandardCharsets.US_ASCII));
            } else if (b == '"' || b == '\\') {
                out.write('\\');
                out.write(b);
            } else {
                out.write(b);
            }
        }
        out.writeBytes(replaced.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
