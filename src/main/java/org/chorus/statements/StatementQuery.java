package org.chorus.statements;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import org.chorus.organizations.Organization;

/**
 * The filters of a statement list, read once from the query parameters of a list page, the API or a feed by {@link
 * ReadingStatements#query(Parameters)}: the organization is a listed one, blanks mean "any", dates are checked.
 */
public record StatementQuery(Organization organization, String topic, String language, LocalDate from, LocalDate to) {

    /**
     * The query parameters as received, bound by name ({@code ?organization=…&topic=…&language=…&from=…&to=…}).
     *
     * @param organization the slug of an organization, issuer or co-issuer
     * @param topic a topic
     * @param language only statements with a published text in this language, shown in it
     * @param from issued on or after, yyyy-mm-dd
     * @param to issued on or before, yyyy-mm-dd
     */
    public record Parameters(String organization, String topic, String language, String from, String to) {

        public static Parameters none() {
            return new Parameters(null, null, null, null, null);
        }
    }

    public StatementFilter filter() {
        return new StatementFilter(organization == null ? null : organization.id(), topic, language, from, to);
    }

    /** The language to show the list in: the filtered one, else the reader's. */
    public String languageOr(String readerLanguage) {
        return language == null ? readerLanguage : language;
    }

    /** The query string that gives this list again, URL-encoded, with {@code ?} in front; empty without filters. */
    public String queryString() {
        var values = new LinkedHashMap<String, String>();
        if (organization != null) {
            values.put("organization", organization.slug());
        }
        values.put("topic", topic);
        values.put("language", language);
        values.put("from", from == null ? null : from.toString());
        values.put("to", to == null ? null : to.toString());
        var query = values.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "" : "?" + query;
    }

    /** The address of the page of this list at {@code path} that is older than the cursor {@code token}. */
    public String olderHref(String path, String token) {
        return path + (queryString().isEmpty() ? "?" : queryString() + "&") + "after=" + token;
    }

    /** The address of the page of this list at {@code path} that is newer than the cursor {@code token}. */
    public String newerHref(String path, String token) {
        return path + (queryString().isEmpty() ? "?" : queryString() + "&") + "before=" + token;
    }
}
