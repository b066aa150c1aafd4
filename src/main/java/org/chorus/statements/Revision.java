package org.chorus.statements;

import java.time.Instant;

/** One saved version of a statement's text in one language. */
public record Revision(
        int number, String title, String subtitle, String body, boolean published, String note, Instant createdAt) {}
