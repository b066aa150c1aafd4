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
        mailProblems(env, problems);
        keyProblems(env, problems);
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

    private static void mailProblems(Map<String, String> env, List<String> problems) {
        if (!"smtp".equals(env.getOrDefault("CHORUS_MAIL_TRANSPORT", "smtp"))) {
            problems.add("CHORUS_MAIL_TRANSPORT must be smtp in production (got '" + env.get("CHORUS_MAIL_TRANSPORT")
                    + "'); capture keeps mail in memory and is for dev mode only");
            return;
        }
        if (blank(env.get("CHORUS_SMTP_HOST"))) {
            problems.add(
                    "CHORUS_SMTP_HOST is not set: the SMTP server Chorus sends mail through, e.g. smtp.example.org");
        }
        if (blank(env.get("CHORUS_SMTP_FROM"))) {
            problems.add("CHORUS_SMTP_FROM is not set: the sender of Chorus's mail, e.g. Climate Coalition"
                    + " <news@coalition.example>");
        } else if (!isAddress(env.get("CHORUS_SMTP_FROM"))) {
            problems.add("CHORUS_SMTP_FROM must be one email address, optionally with a name, e.g. Coalition"
                    + " <news@coalition.example> (got '" + env.get("CHORUS_SMTP_FROM") + "')");
        }
        var smtpPort = env.get("CHORUS_SMTP_PORT");
        if (!blank(smtpPort) && !isPort(smtpPort)) {
            problems.add("CHORUS_SMTP_PORT must be a number between 1 and 65535 (got '" + smtpPort + "')");
        }
        var tls = env.get("CHORUS_SMTP_TLS");
        if (!blank(tls) && !List.of("none", "starttls", "tls").contains(tls)) {
            problems.add("CHORUS_SMTP_TLS must be none, starttls or tls (got '" + tls + "')");
        }
        if (!blank(env.get("CHORUS_SMTP_USERNAME")) && blank(env.get("CHORUS_SMTP_PASSWORD"))) {
            problems.add("CHORUS_SMTP_PASSWORD is not set, but CHORUS_SMTP_USERNAME is");
        }
    }

    private static void keyProblems(Map<String, String> env, List<String> problems) {
        var inline = env.get("CHORUS_DATA_KEYS");
        var file = env.get("CHORUS_DATA_KEYS_FILE");
        if (blank(inline) && blank(file)) {
            problems.add("CHORUS_DATA_KEYS_FILE is not set: the file with the keys that encrypt personal data;"
                    + " create it once with 'bin/chorus admin keys generate > /etc/chorus/data-keys.json'"
                    + " and keep a copy apart from the database backups");
        } else if (blank(inline) && !java.nio.file.Files.isReadable(java.nio.file.Path.of(file))) {
            problems.add("CHORUS_DATA_KEYS_FILE names a file that cannot be read (got '" + file + "')");
        }
    }

    private static boolean isAddress(String value) {
        try {
            return jakarta.mail.internet.InternetAddress.parse(value, true).length == 1;
        } catch (jakarta.mail.internet.AddressException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
