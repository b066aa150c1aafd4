package org.chorus.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers every answer of Chorus carries: Spring Security writes them on what passes through its filters
 * (the accounts module's {@code SecurityConfiguration} takes the policies from here), and the answers given before its
 * filters or by the container itself (refused input, Tomcat's own errors) write them from here, so no page goes out
 * without them.
 */
public final class SecurityHeaders {

    /** Pages: scripts, styles and images only from Chorus itself. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * The pages' policy when the operator configured a map tile server ({@code chorus.map.tile-url}, docs/maps.md):
     * images may then also come from that server's origin, and from nowhere else. Blank: the policy as it is.
     */
    public static String contentSecurityPolicy(String tileUrl) {
        var origin = tileOrigin(tileUrl);
        return origin.isEmpty()
                ? CONTENT_SECURITY_POLICY
                : CONTENT_SECURITY_POLICY.replace("img-src 'self' data:;", "img-src 'self' data: " + origin + ";");
    }

    /**
     * The origin a Leaflet tile URL template loads from ({@code https://{s}.tiles.example.org/{z}/{x}/{y}.png} gives
     * {@code https://*.tiles.example.org}), or empty for none; anything but an https address of a plain host is
     * refused at start-up rather than widening the policy by accident.
     */
    public static String tileOrigin(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        var matcher = java.util.regex.Pattern.compile("^https://((?:\\{s}\\.)?[a-z0-9.-]+(?::[0-9]{1,5})?)/.*$")
                .matcher(tileUrl.strip().toLowerCase(java.util.Locale.ROOT));
        if (!matcher.matches() || !tileUrl.contains("{z}") || !tileUrl.contains("{x}") || !tileUrl.contains("{y}")) {
            throw new IllegalArgumentException(
                    "chorus.map.tile-url must be an https address with {z}, {x} and {y}, like "
                            + "https://tiles.example.org/{z}/{x}/{y}.png: " + tileUrl);
        }
        return "https://" + matcher.group(1).replace("{s}.", "*.");
    }

    /** The API and metrics: JSON, never rendered, never framed. */
    public static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /**
     * No camera or microphone anywhere; the position only for Chorus's own pages (the "near me" button, which asks only
     * when pressed), never for a page that frames one of ours.
     */
    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(self), interest-cohort=()";

    private SecurityHeaders() {}

    /** The headers for an answer to this path (the API's policy under /api and /actuator), as Spring Security sends them. */
    public static Map<String, String> forPath(String path) {
        var api = path != null && (path.startsWith("/api/") || path.startsWith("/actuator"));
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Security-Policy", api ? API_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "same-origin");
        if (!api) {
            headers.put("Permissions-Policy", PERMISSIONS_POLICY);
        }
        headers.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        return headers;
    }

    /** Writes those the response does not have yet. */
    public static void writeMissing(HttpServletResponse response, String path) {
        forPath(path).forEach((name, value) -> {
            if (!response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        });
    }
}
