package org.chorus.accounts;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The coarse device a session was signed in from, read from the User-Agent: a browser family and an operating system
 * ("Firefox" on "Android"), nothing finer (no version, no model), so the list of sessions helps a person recognise
 * their devices without Chorus keeping a fingerprint. Either part is null when the User-Agent does not say.
 */
record Device(@Nullable String browser, @Nullable String os) {

    static Device of(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Device(null, null);
        }
        var ua = userAgent.toLowerCase(Locale.ROOT);
        return new Device(browser(ua), os(ua));
    }

    // order matters: Edge, Opera and Samsung Internet also say "Chrome", Chrome also says "Safari"
    private static @Nullable String browser(String ua) {
        if (ua.contains("edg/") || ua.contains("edga/") || ua.contains("edgios/")) {
            return "Edge";
        }
        if (ua.contains("opr/") || ua.contains("opera")) {
            return "Opera";
        }
        if (ua.contains("samsungbrowser/")) {
            return "Samsung Internet";
        }
        if (ua.contains("firefox/") || ua.contains("fxios/")) {
            return "Firefox";
        }
        if (ua.contains("chromium/")) {
            return "Chromium";
        }
        if (ua.contains("chrome/") || ua.contains("crios/")) {
            return "Chrome";
        }
        if (ua.contains("safari/") && ua.contains("version/")) {
            return "Safari";
        }
        return null;
    }

    private static @Nullable String os(String ua) {
        if (ua.contains("android")) {
            return "Android";
        }
        if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod")) {
            return "iOS";
        }
        if (ua.contains("windows")) {
            return "Windows";
        }
        if (ua.contains("cros")) {
            return "ChromeOS";
        }
        if (ua.contains("mac os x") || ua.contains("macintosh")) {
            return "macOS";
        }
        if (ua.contains("linux") || ua.contains("x11")) {
            return "Linux";
        }
        return null;
    }
}
