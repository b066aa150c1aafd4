package org.chorus.shared.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name letters and pages give this site: {@code CHORUS_SITE_NAME} when set, else the coalition's name (the one root
 * organization, which the organizations module tells through {@link Coalition}), else "Chorus". Never the host name.
 */
@Component
public class SiteName {

    /** The default when nothing names the site. */
    public static final String DEFAULT = "Chorus";

    private static final Duration KEEP = Duration.ofMinutes(1);

    /** The name of the site's coalition, if it has exactly one; provided by the module that owns organizations. */
    public interface Coalition {
        Optional<String> name();
    }

    private final String configured;
    private final ObjectProvider<Coalition> coalition;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(String name, Instant until) {}

    public SiteName(
            @Value("${chorus.site-name:}") String configured, ObjectProvider<Coalition> coalition, Clock clock) {
        this.configured = configured == null ? "" : configured.strip();
        this.coalition = coalition;
        this.clock = clock;
    }

    public String name() {
        if (!configured.isEmpty()) {
            return configured;
        }
        var now = clock.instant();
        var current = cached;
        if (current == null || current.until().isBefore(now)) {
            var source = coalition.getIfAvailable();
            var name = source == null ? Optional.<String>empty() : source.name();
            // a renamed coalition shows in letters within a minute, without a query per letter
            current = new Cached(name.filter(n -> !n.isBlank()).orElse(DEFAULT), now.plus(KEEP));
            cached = current;
        }
        return current.name();
    }
}
