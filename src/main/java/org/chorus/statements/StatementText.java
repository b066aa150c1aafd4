package org.chorus.statements;

import java.time.Instant;

/** A statement's words in one language: the original or a translation (with its translator's credit). */
public record StatementText(
        String language,
        String title,
        String subtitle,
        String body,
        String bodyHtml,
        String translator,
        boolean published,
        Instant updatedAt) {}
