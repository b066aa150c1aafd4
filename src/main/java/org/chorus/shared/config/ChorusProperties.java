package org.chorus.shared.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of this Chorus instance, bound from {@code chorus.*} (environment variables {@code CHORUS_*}).
 *
 * @param baseUrl public address, used in links that leave the site
 * @param dataDir where dev mode keeps its embedded database
 * @param devDatabasePort port of the embedded PostgreSQL in dev mode
 * @param metricsPublic whether /actuator/prometheus is open to anyone (dev) or only to site admins
 * @param login limits on login attempts
 */
@ConfigurationProperties("chorus")
public record ChorusProperties(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("data") Path dataDir,
        @DefaultValue("54329") int devDatabasePort,
        @DefaultValue("false") boolean metricsPublic,
        @DefaultValue Login login) {

    /**
     * @param attemptsPerEmail attempts allowed per email address from one network (IPv4 /24, IPv6 /48), and per
     *     device cookie, per window
     * @param attemptsPerAddress attempts allowed per network, whatever the addresses tried, per window
     * @param windowSeconds length of the window
     * @param attemptsPerEmailPerHour attempts allowed per email address from all networks together, per hour, for
     *     browsers without a device cookie for that account
     */
    public record Login(
            @DefaultValue("5") int attemptsPerEmail,
            @DefaultValue("30") int attemptsPerAddress,
            @DefaultValue("60") int windowSeconds,
            @DefaultValue("100") int attemptsPerEmailPerHour) {}

    public String link(String path) {
        return baseUrl.replaceAll("/+$", "") + path;
    }
}
