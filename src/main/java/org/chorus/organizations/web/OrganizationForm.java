package org.chorus.organizations.web;

import org.chorus.organizations.Organization;
import org.chorus.organizations.OrganizationProfile;

/** The organization form as typed: languages are a comma-separated list of ISO 639 codes. */
public record OrganizationForm(
        String name, String kind, String parent, String country, String languages, String website, String description) {

    public static OrganizationForm blank(String parent) {
        return new OrganizationForm("", "MEMBER", parent == null ? "" : parent, "", "", "", "");
    }

    public static OrganizationForm of(Organization o) {
        return new OrganizationForm(
                o.name(),
                o.kind().name(),
                "",
                o.country() == null ? "" : o.country(),
                String.join(", ", o.languages()),
                o.website() == null ? "" : o.website(),
                o.description());
    }

    public OrganizationProfile profile() {
        return new OrganizationProfile(
                name, country, OrganizationProfile.languageList(languages), website, description);
    }

    public String value(String value) {
        return value == null ? "" : value;
    }
}
