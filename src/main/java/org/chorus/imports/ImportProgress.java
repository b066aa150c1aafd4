package org.chorus.imports;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How far an import has gone: items (posts and their comments) done of the total; once {@link Status#DONE}, its
 * report; once {@link Status#FAILED}, the message key of the reason (nothing was imported then).
 */
public record ImportProgress(
        UUID id,
        Status status,
        int done,
        int total,
        @Nullable ImportReport report,
        @Nullable String failure) {

    public enum Status {
        RUNNING,
        DONE,
        FAILED
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    /** Whole percent done, for the progress bar. */
    public int percent() {
        return total == 0 ? 100 : (int) Math.min(100, 100L * done / total);
    }
}
