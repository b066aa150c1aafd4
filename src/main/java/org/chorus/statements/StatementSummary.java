package org.chorus.statements;

import java.time.Instant;
import java.util.List;
import org.chorus.organizations.Organization;

/** A statement in a list: its title and first words in the reader's language when there is a translation. */
public record StatementSummary(
        String slug,
        String language,
        String title,
        String subtitle,
        String excerpt,
        Organization issuer,
        List<String> topics,
        Instant publishedAt,
        Instant updatedAt,
        boolean retracted,
        boolean republished) {}
