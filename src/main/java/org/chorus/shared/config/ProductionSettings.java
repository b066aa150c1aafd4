package org.chorus.shared.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Checks, before anything starts, that production mode has every setting it cannot run without. */
public final class ProductionSettings {

    private ProductionSettings() {}

    /** Returns one readable problem per missing or malformed setting; empty when production mode may start. */
    public static List<String> problems(Map<String, String> env) {
        var problems = new ArrayList<String>();
        for (var name :
                List.of("CHORUS_DATABASE_URL", "CHORUS_DATABASE_USER", "CHORUS_DATABASE_PASSWORD", "CHORUS_BASE_URL")) {
            if (blank(env.get(name))) {
                problems.add(name + " is not set: " + explain(name));
            }
        }
        var url = env.get("CHORUS_DATABASE_URL");
        if (!blank(url) && !url.startsWith("jdbc:postgresql://")) {
            problems.add("CHORUS_DATABASE_URL must start with jdbc:postgresql:// (got '" + url + "')");
        }
        var baseUrl = env.get("CHORUS_BASE_URL");
        if (!blank(baseUrl) && !isHttpUrl(baseUrl)) {
            problems.add("CHORUS_BASE_URL must be an absolute http(s) URL such as https://chorus.example.org (got '"
                    + baseUrl + "')");
        }
        var port = env.get("CHORUS_PORT");
        if (!blank(port) && !isPort(port)) {
            problems.add("CHORUS_PORT must be a number between 1 and 65535 (got '" + port + "')");
        }
        return problems;
    }

    /** In production mode, prints every problem and exits with status 78 (configuration error). */
    public static void exitIfIncomplete(Map<String, String> env, String profiles) {
        if (!Arrays.asList(profiles.split(",")).contains("prod")) {
            return;
        }
        var problems = problems(env);
        if (!problems.isEmpty()) {
            System.err.println("Chorus cannot start in production mode:");
            problems.forEach(p -> System.err.println("  - " + p));
            System.err.println("See the configuration table in README.md.");
            System.exit(78);
        }
    }

    private static String explain(String name) {
        return switch (name) {
            case "CHORUS_DATABASE_URL" ->
                "the JDBC URL of your PostgreSQL database, e.g. jdbc:postgresql://db:5432/chorus";
            case "CHORUS_DATABASE_USER" -> "the PostgreSQL user Chorus connects as";
            case "CHORUS_DATABASE_PASSWORD" -> "the password of that PostgreSQL user";
            case "CHORUS_BASE_URL" -> "the public address of this Chorus, e.g. https://chorus.example.org";
            default -> "required";
        };
    }

    private static boolean isHttpUrl(String value) {
        try {
            var uri = URI.create(value);
            return uri.isAbsolute()
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isPort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            return port > 0 && port < 65536;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
