package org.chorus.statements;

import java.util.UUID;

/** Identifies a statement; other modules refer to statements only by this. */
public record StatementId(UUID value) {

    public static StatementId random() {
        return new StatementId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
