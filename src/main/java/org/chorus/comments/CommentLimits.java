package org.chorus.comments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many comments may be posted per window, bound from {@code chorus.comments.*}.
 *
 * @param perAccount comments one person may post per window
 * @param perNetwork comments that may come from one network prefix (IPv4 /24, IPv6 /48) per window
 * @param windowSeconds length of the window
 */
@ConfigurationProperties("chorus.comments")
public record CommentLimits(
        @DefaultValue("5") int perAccount,
        @DefaultValue("20") int perNetwork,
        @DefaultValue("600") int windowSeconds) {}
