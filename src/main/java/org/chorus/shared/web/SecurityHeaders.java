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

    /** The API and metrics: JSON, never rendered, never framed. */
    public static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()";

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
