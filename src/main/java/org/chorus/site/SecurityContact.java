package org.chorus.site;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where people report a vulnerability in this Chorus instance, bound from {@code chorus.security.*} and published at
 * {@code /.well-known/security.txt} (RFC 9116).
 *
 * @param contact {@code mailto:} or {@code https:} addresses, most preferred first; none means no security.txt
 * @param policy an optional page describing the operator's disclosure policy
 */
@ConfigurationProperties("chorus.security")
public record SecurityContact(
        @DefaultValue List<String> contact, @Nullable String policy) {

    public SecurityContact {
        contact = contact.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        for (var c : contact) {
            if (!c.startsWith("mailto:") && !c.startsWith("https://") && !c.startsWith("tel:")) {
                throw new IllegalArgumentException(
                        "chorus.security.contact: each contact must start with mailto:, https:// or tel: (got " + c
                                + ")");
            }
        }
        if (policy != null && policy.isBlank()) {
            policy = null;
        }
    }

    public boolean configured() {
        return !contact.isEmpty();
    }
}
