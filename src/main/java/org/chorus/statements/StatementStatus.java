package org.chorus.statements;

import java.util.Locale;

/** Where a statement is in its life: draft → in review → (scheduled →) published → retracted. */
public enum StatementStatus {
    DRAFT,
    IN_REVIEW,
    SCHEDULED,
    PUBLISHED,
    RETRACTED;

    /** Whether the public can read it. A retracted statement stays readable at its address, with a notice. */
    public boolean public_() {
        return this == PUBLISHED || this == RETRACTED;
    }

    public String key() {
        return "statement.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
