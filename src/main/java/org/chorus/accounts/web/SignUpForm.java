package org.chorus.accounts.web;

/**
 * What a visitor types to sign up; {@code SigningUp} checks every field and reports all broken ones together. {@code
 * next} is the page of this site to come back to once the address is confirmed (an invitation), if any.
 */
public record SignUpForm(String email, String displayName, String password, String next) {

    public SignUpForm {
        next = localPath(next);
    }

    static SignUpForm blank(String next) {
        return new SignUpForm("", "", "", next == null ? "" : next);
    }

    /** {@code next} if it is a path on this site (never another host), else empty. */
    String safeNext() {
        return localPath(next);
    }

    static String localPath(String path) {
        if (path == null
                || path.length() > 500
                || !path.startsWith("/")
                || path.startsWith("//")
                || path.contains("\\")
                || path.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "";
        }
        return path;
    }
}
