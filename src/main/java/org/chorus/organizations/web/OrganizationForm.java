package org.chorus.organizations.web;

import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationProfile;

/**
 * The organization form as typed: languages are a comma-separated list of ISO 639 codes; the time zone (an IANA id) is
 * only on the profile form of an existing organization, null elsewhere.
 */
public record OrganizationForm(
        String name,
        String kind,
        String parent,
        String country,
        String languages,
        String website,
        String description,
        String timeZone) {

    public static OrganizationForm blank(String parent) {
        return new OrganizationForm("", "MEMBER", parent == null ? "" : parent, "", "", "", "", null);
    }

    /** The form with the organization's current time zone, unless one was typed. */
    public OrganizationForm withTimeZone(String zone) {
        return timeZone != null
                ? this
                : new OrganizationForm(name, kind, parent, country, languages, website, description, zone);
    }

    public static OrganizationForm of(Organization o) {
        return new OrganizationForm(
                o.name(),
                o.kind().name(),
                "",
                o.country() == null ? "" : o.country(),
                String.join(", ", o.languages()),
                o.website() == null ? "" : o.website(),
                o.description(),
                null);
    }

    public OrganizationProfile profile() {
        return new OrganizationProfile(
                name, country, OrganizationProfile.languageList(languages), website, description);
    }

    public String value(String value) {
        return value == null ? "" : value;
    }
}
