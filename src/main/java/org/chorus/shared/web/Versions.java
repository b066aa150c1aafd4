package org.chorus.shared.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.chorus.shared.DomainException;

/**
 * The versions of API resources, as ETags: a resource's version is the moment it last changed, to the microsecond
 * PostgreSQL keeps ({@code "v1733300000123456"}). A read gives it; a change must send it back as {@code If-Match}
 * (RFC 9110): 428 without one, 412 when it is no longer the current version ({@code *} matches any).
 */
public final class Versions {

    private Versions() {}

    public static String etag(Instant changedAt) {
        return "\"v" + ChronoUnit.MICROS.between(Instant.EPOCH, changedAt) + "\"";
    }

    /**
     * The version an {@code If-Match} names where sending one is optional (OSDI's clients send none): empty when there
     * is none or it is {@code *}; 412 as {@link #required} for one no resource ever had.
     */
    public static Optional<Instant> optional(String ifMatch) {
        return ifMatch == null ? Optional.empty() : required(ifMatch);
    }

    /**
     * The version an {@code If-Match} names: empty for {@code *}; 428 when there is none; 412 for one no resource of
     * this API ever had (it cannot be the current one).
     */
    public static Optional<Instant> required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainException(428, "api.if-match-required");
        }
        var value = ifMatch.strip();
        if (value.equals("*")) {
            return Optional.empty();
        }
        if (value.startsWith("W/")) {
            throw new DomainException(
                    412, "api.version-not-current"); // If-Match compares strongly: a weak tag never matches
        }
        var tag = value.replace("\"", "");
        if (!tag.matches("v-?[0-9]{1,19}")) {
            throw new DomainException(412, "api.version-not-current");
        }
        try {
            return Optional.of(Instant.EPOCH.plus(Long.parseLong(tag.substring(1)), ChronoUnit.MICROS));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DomainException(412, "api.version-not-current");
        }
    }
}
