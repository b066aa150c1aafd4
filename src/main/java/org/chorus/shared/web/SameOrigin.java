package org.chorus.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.chorus.shared.PermissionDenied;

/**
 * The stateless half of the defence of forms without a session (the sign-on form, the form of hosts without an
 * account) against other sites: a form posted from another site's page is refused (403), told by the
 * {@code Sec-Fetch-Site} header browsers send, else by {@code Origin}. A request with neither (an old browser, a
 * script) passes: it carries no one else's session, and the confirmation link decides.
 */
public final class SameOrigin {

    private SameOrigin() {}

    /** Throws {@code refusal} (a message key; 403) when the browser says the form came from another site. */
    public static void require(HttpServletRequest request, String baseUrl, String refusal) {
        var site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            throw new PermissionDenied(refusal);
        }
        var origin = request.getHeader("Origin");
        if (origin != null && !origin.equalsIgnoreCase(own(request)) && !origin.equalsIgnoreCase(origin(baseUrl))) {
            throw new PermissionDenied(refusal);
        }
    }

    private static String own(HttpServletRequest request) {
        var scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean usual = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName() + (usual ? "" : ":" + port);
    }

    private static String origin(String url) {
        try {
            var uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException | NullPointerException e) {
            return "";
        }
    }
}
