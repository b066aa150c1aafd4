package org.chorus.shared.web;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.i18n.Messages;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Everything a page template needs about the request it renders: translations, language and direction, the CSRF token
 * for its forms, who is looking, and a one-time notice carried over a redirect.
 */
public record Ui(
        Messages messages,
        Language language,
        String path,
        String query,
        CsrfToken csrf,
        Viewer viewer,
        String notice,
        String assetVersion,
        String baseUrl,
        TaskCount taskCount) {

    public String t(String key, Object... arguments) {
        return messages.t(key, arguments);
    }

    public Locale locale() {
        return language.locale();
    }

    public String lang() {
        return language.tag();
    }

    public String dir() {
        return language.direction();
    }

    public boolean signedIn() {
        return viewer != null;
    }

    /** How many tasks wait for the signed-in person (0 for visitors); asked once, when the header shows it. */
    public int openTasks() {
        return viewer == null || taskCount == null ? 0 : taskCount.value();
    }

    public boolean siteAdmin() {
        return viewer != null && viewer.siteAdmin();
    }

    public List<Language> languages() {
        return Language.all();
    }

    /** The current page in another interface language. */
    public String languageHref(Language other) {
        return UriComponentsBuilder.fromPath(path)
                .query(query)
                .replaceQueryParam("lang", other.tag())
                .build()
                .toUriString();
    }

    /** The country's name in the viewer's language, from its ISO 3166 code. */
    public String country(String isoCode) {
        return isoCode == null || isoCode.isBlank()
                ? ""
                : Locale.of("", isoCode).getDisplayCountry(locale());
    }

    /** A language's name in the viewer's language, from its ISO 639 code. */
    public String languageName(String isoCode) {
        return isoCode == null || isoCode.isBlank()
                ? ""
                : Locale.forLanguageTag(isoCode).getDisplayLanguage(locale());
    }

    public String date(TemporalAccessor when) {
        if (when == null) {
            return "";
        }
        var zoned =
                when instanceof java.time.Instant instant ? ZonedDateTime.ofInstant(instant, ZoneId.of("UTC")) : when;
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale())
                .format(zoned);
    }

    /** An absolute address on this Chorus, for links that leave the page (feeds, meta tags, JSON-LD). */
    public String absolute(String path) {
        return baseUrl.replaceAll("/+$", "") + path;
    }

    public String asset(String file) {
        return "/" + file + "?v=" + assetVersion;
    }
}
