package org.chorus.organizations;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.chorus.shared.InvalidField;

/** The public description of an organization as its people edit it, checked field by field. */
public record OrganizationProfile(
        String name, String country, List<String> languages, String website, String description) {

    public static final int NAME_MAX = 150;
    public static final int DESCRIPTION_MAX = 5000;
    public static final int WEBSITE_MAX = 300;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    /** Returns the profile with values trimmed and normalized, or throws {@link InvalidField} for the first bad field. */
    public OrganizationProfile checked() {
        var cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            throw new InvalidField("name", "organization.name.required");
        }
        if (cleanName.length() > NAME_MAX || cleanName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidField("name", "organization.name.too-long", NAME_MAX);
        }
        var cleanCountry =
                country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        if (cleanCountry != null && !COUNTRIES.contains(cleanCountry)) {
            throw new InvalidField("country", "organization.country.invalid");
        }
        var cleanLanguages = new LinkedHashSet<String>();
        for (var language : languages == null ? List.<String>of() : languages) {
            var code = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!LANGUAGES.contains(code)) {
                throw new InvalidField("languages", "organization.languages.invalid", code);
            }
            cleanLanguages.add(code);
        }
        var cleanWebsite = website == null || website.isBlank() ? null : website.strip();
        if (cleanWebsite != null && (cleanWebsite.length() > WEBSITE_MAX || !isWebAddress(cleanWebsite))) {
            throw new InvalidField("website", "organization.website.invalid");
        }
        var cleanDescription = description == null ? "" : description.strip();
        if (cleanDescription.length() > DESCRIPTION_MAX) {
            throw new InvalidField("description", "organization.description.too-long", DESCRIPTION_MAX);
        }
        return new OrganizationProfile(
                cleanName, cleanCountry, new ArrayList<>(cleanLanguages), cleanWebsite, cleanDescription);
    }

    /** Splits a comma- or space-separated list of language codes as typed in a form. */
    public static List<String> languageList(String typed) {
        return typed == null || typed.isBlank()
                ? List.of()
                : List.of(typed.strip().split("[\\s,;]+"));
    }

    private static boolean isWebAddress(String value) {
        try {
            var uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getHost().contains(".");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
