package org.chorus.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The API token a call carries: {@code Authorization: Bearer chorus_…}, or on OSDI's paths the {@code OSDI-API-Token}
 * header that OSDI clients (Action Network's among them) send instead. One reading for the token's authentication, its
 * rate limit and the page cache, so that no one of them sees a token the others miss.
 */
public final class ApiCredentials {

    /** OSDI's header for an API key. */
    public static final String OSDI_HEADER = "OSDI-API-Token";

    private ApiCredentials() {}

    /** The token, stripped; null when the call carries none. */
    public static String token(HttpServletRequest request) {
        var authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        var osdi = request.getHeader(OSDI_HEADER);
        if (osdi != null && !osdi.isBlank() && request.getRequestURI().startsWith("/api/osdi/")) {
            return osdi.strip();
        }
        return null;
    }
}
