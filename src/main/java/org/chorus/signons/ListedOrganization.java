package org.chorus.signons;

/** An organization on a statement's public list: only what it gave to be published. */
public record ListedOrganization(String name, String country, String website, String description) {

    /** Its website as a link, when it is an http(s) address (anything else is shown as text, if at all). */
    public String websiteLink() {
        if (website == null) {
            return null;
        }
        var lower = website.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? website.strip() : null;
    }
}
