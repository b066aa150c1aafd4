package org.chorus.shared;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks an address people follow from a page (an online action, a government's web form): {@code https} only, with
 * a host and without a user name or password in it (the trick that makes {@code https://bank.example@evil.example}
 * look like the bank).
 */
public final class HttpsAddress {

    private HttpsAddress() {}

    /** Returns the address as parsed, or throws {@code messageKey} for {@code field}. */
    public static String check(String field, String typed, String messageKey) {
        try {
            var uri = new URI(typed);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new InvalidField(field, messageKey);
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidField(field, messageKey);
        }
    }
}
