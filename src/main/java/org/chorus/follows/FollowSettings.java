package org.chorus.follows;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the follow form and how long unconfirmed and ended follows are kept, bound from {@code chorus.follows.*}.
 *
 * @param perEmail follow requests per address and window (each may send a confirmation letter)
 * @param perNetwork follow requests per network address and window
 * @param windowSeconds length of the window
 * @param unconfirmedDays days after which a follow never confirmed is deleted
 * @param unsubscribedDays days after which an ended follow is deleted
 */
@ConfigurationProperties("chorus.follows")
public record FollowSettings(
        @DefaultValue("3") int perEmail,
        @DefaultValue("20") int perNetwork,
        @DefaultValue("3600") int windowSeconds,
        @DefaultValue("7") int unconfirmedDays,
        @DefaultValue("30") int unsubscribedDays) {}
