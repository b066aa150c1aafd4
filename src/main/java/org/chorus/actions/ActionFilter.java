package org.chorus.actions;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.chorus.campaigns.ActionKind;
import org.chorus.shared.DomainException;

/**
 * What a list, the map or the moderation queue narrows actions to: a kind, a day (a local date in each action's own
 * zone), a country (ISO 3166 alpha-2), and for organizers only actions of new hosts. Null or false: no narrowing.
 */
public record ActionFilter(ActionKind kind, LocalDate day, String country, boolean newHosts) {

    public static final ActionFilter NONE = new ActionFilter(null, null, null, false);

    /** Reads the query's parameters; a value that cannot be one is 400 with its message, never a 500. */
    public static ActionFilter parse(String kind, String day, String country, boolean newHosts) {
        return new ActionFilter(kind(kind), day(day), country(country), newHosts);
    }

    public boolean any() {
        return kind != null || day != null || country != null || newHosts;
    }

    /** The filter as a query string (without "?"; blank when it keeps all), for links and redirects that keep it. */
    public String query() {
        var parts = new java.util.ArrayList<String>();
        if (kind != null) {
            parts.add("kind=" + kind.name());
        }
        if (day != null) {
            parts.add("day=" + day);
        }
        if (country != null) {
            parts.add("country=" + country);
        }
        if (newHosts) {
            parts.add("newHosts=true");
        }
        return String.join("&", parts);
    }

    /** Adds its conditions on {@code a.} columns to a query. */
    void where(StringBuilder sql, Map<String, Object> params, boolean moderation) {
        if (kind != null) {
            sql.append(" and a.kind = :kind");
            params.put("kind", kind.name());
        }
        if (day != null) {
            sql.append(" and a.day = :day");
            params.put("day", day);
        }
        if (country != null) {
            sql.append(" and a.country = :country");
            params.put("country", country);
        }
        if (moderation && newHosts) {
            sql.append(" and a.new_host");
        }
    }

    private static ActionKind kind(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return ActionKind.valueOf(typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(400, "action.filter.kind-invalid");
        }
    }

    private static LocalDate day(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException(400, "action.filter.day-invalid");
        }
    }

    private static String country(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        var code = typed.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw new DomainException(400, "action.filter.country-invalid");
        }
        return code;
    }
}
