package org.chorus.statements.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.chorus.shared.web.ProblemResponses;
import org.chorus.shared.web.Ui;
import org.chorus.statements.StatementPage;
import org.chorus.statements.Topic;

/** The schema.org NewsArticle description of a statement page, for search engines and link previews. */
public final class JsonLd {

    private JsonLd() {}

    public static String newsArticle(StatementPage page, Ui ui, String url) {
        return newsArticle(page, ui, url, List.of());
    }

    /** With the statement's topics as writers wrote them for {@code keywords} (its slugs when none are given). */
    public static String newsArticle(StatementPage page, Ui ui, String url, List<Topic> topics) {
        var s = page.statement();
        var keywords = topics == null || topics.isEmpty()
                ? s.topics()
                : topics.stream().map(Topic::label).toList();
        var t = page.text();
        // the date of issue, as precise as it is known: 2023-10-20, or 2024-02 (decision 0017)
        var published = s.issuedOn() == null || !s.isPublic()
                ? null
                : s.issuedPrecision().iso(s.issuedOn());
        var modified = DateTimeFormatter.ISO_INSTANT.format(
                (s.correctedAt() != null ? s.correctedAt() : s.updatedAt()).atOffset(ZoneOffset.UTC));
        var issuer = page.issuer() == null ? "" : page.issuer().name();
        return "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\""
                + ",\"headline\":" + json(t.title())
                + ",\"alternativeHeadline\":" + json(t.subtitle())
                + ",\"inLanguage\":" + json(t.language())
                + ",\"url\":" + json(url)
                + ",\"mainEntityOfPage\":" + json(url)
                + (published == null ? "" : ",\"datePublished\":" + json(published))
                + ",\"dateModified\":" + json(modified)
                + ",\"keywords\":" + json(String.join(", ", keywords))
                + ",\"author\":" + organizations(page, ui, true)
                + ",\"publisher\":" + organizations(page, ui, false) + "}";
    }

    /** The issuer alone, or the issuer and its co-issuers as a list (a statement is theirs together). */
    private static String organizations(StatementPage page, Ui ui, boolean withUrl) {
        var issuer = page.issuer() == null ? "" : page.issuer().name();
        var first = "{\"@type\":\"Organization\",\"name\":" + json(issuer)
                + (page.issuer() == null || !withUrl
                        ? ""
                        : ",\"url\":" + json(ui.absolute("/o/" + page.issuer().slug())))
                + "}";
        if (page.cosigners().isEmpty()) {
            return first;
        }
        var all = new StringBuilder("[").append(first);
        for (var cosigner : page.cosigners()) {
            all.append(",{\"@type\":\"Organization\",\"name\":")
                    .append(json(cosigner.name()))
                    .append(withUrl ? ",\"url\":" + json(ui.absolute("/o/" + cosigner.slug())) : "")
                    .append('}');
        }
        return all.append(']').toString();
    }

    private static String json(String value) {
        return ProblemResponses.json(value == null ? "" : value);
    }
}
