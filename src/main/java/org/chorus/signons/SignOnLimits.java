package org.chorus.signons;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many sign-ons the form takes, bound from {@code chorus.signons.*}: per network prefix (IPv4 /24, IPv6 /48) and
 * per address over {@code windowSeconds}, and per statement per minute (a ceiling a real burst stays under, so a
 * flood from many networks cannot fill the database either).
 *
 * @param perNetwork sign-ons one network prefix may send per window
 * @param perEmail sign-ons (and so letters) one address may cause per window
 * @param windowSeconds the window of the two limits above
 * @param perStatementPerMinute sign-ons one statement takes per minute, all networks together
 * @param minFillSeconds how long after the form was rendered a submission is taken at the earliest
 */
@ConfigurationProperties("chorus.signons")
public record SignOnLimits(
        @DefaultValue("50") int perNetwork,
        @DefaultValue("3") int perEmail,
        @DefaultValue("600") int windowSeconds,
        @DefaultValue("60000") int perStatementPerMinute,
        @DefaultValue("3") int minFillSeconds) {}
