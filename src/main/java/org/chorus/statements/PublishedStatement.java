package org.chorus.statements;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chorus.organizations.OrganizationId;

/**
 * A public statement as followers hear of it: where it lives, who issued it, its topics, whose statement it republishes
 * (null when it is the issuer's own), and its title and first words in each language it is published in (the original
 * first).
 */
public record PublishedStatement(
        StatementId id,
        String slug,
        OrganizationId issuer,
        String originalLanguage,
        List<String> topics,
        Instant publishedAt,
        Republication republication,
        Map<String, Text> texts) {

    /** The title, subtitle and first words of one published text. */
    public record Text(String language, String title, String subtitle, String excerpt) {}

    public boolean republished() {
        return republication != null;
    }

    /** The text in the reader's language when there is a published one, else the original. */
    public Text text(String language) {
        var wanted = texts.get(language);
        return wanted != null ? wanted : texts.get(originalLanguage);
    }
}
